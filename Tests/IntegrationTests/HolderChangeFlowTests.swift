import FlowDriver
import Foundation
import TestSupport
import Testing

/// A change of holder from the customer's form on intake's public API: households screens the
/// new holder, the branch approves, the new holder signs with the code sent to their own phone
/// (the one leaving cannot), and the contract crm holds gets a version that passes it to the
/// new holder, shown by their ID number masked; the one leaving is told it passed on.
@Suite(.serialized) struct HolderChangeFlowTests {
    @Test func aScreenedNewHolderTakesTheContractOverBySigningWithTheirOwnPhone() async throws {
        try await Platform.run("holder-change") { platform in
            let holder = SampleCustomer.make(households: 1)
            let (connection, customerCode, _) = try await Journey.signedContract(holder, on: platform)
            let newHolderId = SampleCustomer.freshCitizenID()

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
            #expect(history.map { $0["change"] as? String } == ["signed", "holder_changed"])
            #expect(history.last?["cause"] as? String == change.requestCode)
            #expect(history.last?["holderIdNumber"] as? String
                    == "\(newHolderId.prefix(3))*******\(newHolderId.suffix(2))")
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
