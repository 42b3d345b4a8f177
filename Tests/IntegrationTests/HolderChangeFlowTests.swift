import FlowDriver
import Foundation
import TestSupport
import Testing

/// A change of holder from the customer's form on intake's public API: households screens the
/// new holder, the branch approves, the new holder signs with the code sent to their own phone
/// (the one leaving cannot), and the contract crm holds gets a version that passes it to the
/// new holder, shown by their ID number masked; the one leaving is told it passed on. The new
/// holder takes the copy they signed from the API, the very bytes crm keeps with the ticket.
/// A purpose of use changed before (to business) stays with the contract the new holder signs.
@Suite(.serialized) struct HolderChangeFlowTests {
    @Test func aScreenedNewHolderTakesTheContractOverBySigningWithTheirOwnPhoneAndKeepsItsPurpose() async throws {
        try await Platform.run("holder-change") { platform in
            let holder = SampleCustomer.make(households: 1)
            let (connection, customerCode, _) = try await Journey.signedContract(holder, on: platform)
            let newHolderId = SampleCustomer.freshCitizenID()
            let newHolderIdMasked = "\(newHolderId.prefix(3))*******\(newHolderId.suffix(2))"
            let purpose = try await ServiceRequestJourney.file(
                "change_of_purpose", customerCode: customerCode, by: holder, fields: ["purpose": "business"], on: platform)
            _ = try await purpose.approve().expect(200)
            _ = try await purpose.ticket(when: "the purpose changed") { $0["closure"] != nil }

            let change = try await ServiceRequestJourney.file(
                "change_of_holder", customerCode: customerCode, by: holder,
                fields: ["newHolder": ["fullName": "Trần Văn Bình", "idNumber": newHolderId, "phone": "0987 654 321"]],
                on: platform)
            let screened = try await change.ticket(when: "households cleared the new holder") {
                ($0["screening"] as? [String: Any])?["outcome"] as? String == "clear"
            }
            #expect(screened["stage"] as? String == "review")
            _ = try await change.approve().expect(200)
            let signing = try await change.ticket(when: "it waits for the new holder's signature") {
                $0["stage"] as? String == "signing"
            }
            #expect(signing["closure"] == nil)
            let code = try await change.signingCodeFromSMS(to: "0987 654 321")
            #expect(try await change.sign(as: holder.phone, with: code).status == 404,
                    "the one leaving cannot sign for the new holder")
            _ = try await change.sign(as: "0987 654 321", with: code).expect(200)
            let done = try await change.ticket(when: "it is closed") { $0["closure"] != nil }
            #expect((done["closure"] as? [String: Any])?["resolution"] as? String == "completed")

            let contract = try #require(try await connection.ticket()["contract"] as? [String: Any])
            let history = try #require(contract["history"] as? [[String: Any]])
            #expect(history.map { $0["change"] as? String } == ["signed", "purpose_changed", "holder_changed"])
            #expect(history.last?["tariffGroup"] as? String == "business", "the new holder keeps the business tariff")
            #expect(history.last?["cause"] as? String == change.requestCode)
            #expect(history.last?["holderIdNumber"] as? String == newHolderIdMasked)

            let signedCopy = "\(platform.url("intake"))/api/v1/requests/\(change.requestCode)/signed-copy"
            let copy = try await platform.http.call(.POST, signedCopy, json: ["phone": "0987 654 321"])
            #expect(copy.status == 200)
            #expect(copy.text.contains("<dt>Bên mua điện</dt><dd>Trần Văn Bình</dd>"), "the new holder is the buyer")
            #expect(copy.text.contains("<dt>Số CCCD của bên mua điện</dt><dd>\(newHolderIdMasked)</dd>"))
            #expect(!copy.text.contains(newHolderId), "the copy names the ID number masked")
            #expect(copy.text.contains("<dt>Nhóm giá</dt><dd>Giá bán lẻ điện cho kinh doanh</dd>"),
                    "the contract the new holder signed is on the business tariff")
            #expect(try await platform.http.call(.POST, signedCopy, json: ["phone": holder.phone]).status == 404,
                    "the one leaving takes no copy of the new holder's contract")
            let officer = ["Cookie": "staff_token=\(try await platform.staff.token(.customerService, unit: "PC05TK"))"]
            let kept = try await platform.http.call(
                .GET, "\(platform.url("crm"))/phieu/CRM-\(change.requestCode)/hop-dong-da-ky", headers: officer)
            #expect(kept.body == copy.body, "crm keeps the very copy the new holder took")
            let passedOn = CustomerText.plain("Hợp đồng mã khách hàng \(customerCode) đã chuyển cho chủ hợp đồng mới")
            var texts: [String] = []
            try await eventually("the one leaving is told the contract passed on") {
                texts = try await change.smsTexts(atLeast: 2)
                return texts.contains { CustomerText.plain($0).contains(passedOn) }
            }
            #expect(texts.contains { CustomerText.plain($0).contains(
                CustomerText.plain("chủ hợp đồng mới sẽ nhận mã ký hợp đồng qua tin nhắn")) },
                    "the approval tells the one leaving that the new holder signs")

            for service in Platform.flowServices {
                let log = try platform.service(service).log()
                #expect(!log.contains(newHolderId), "\(service) logged the new holder's ID number unmasked")
            }
        }
    }
}
