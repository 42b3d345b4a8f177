import FlowDriver
import Foundation
import TestSupport
import Testing

/// After a change of holder the company talks to the new holder: the new holder is told by
/// text and e-mail that the contract is theirs from the day they signed, the one leaving that
/// it no longer stands in their name, and the supply point's planned-outage texts go to the
/// new holder's phone, no longer to the one leaving's.
@Suite(.serialized) struct HolderChangeHandOverFlowTests {
    static let newHolderPhone = "0987 654 322"
    static let newHolderGateway = "84987654322"

    @Test func theNewHolderIsToldTheContractIsTheirsAndGetsTheSupplyPointsOutageTexts() async throws {
        try await Platform.run("holder-hand-over", services: Platform.flowServices + ["outage"]) { platform in
            let holder = SampleCustomer.make(communeCode: "20350", households: 1)
            let (connection, customerCode, _) = try await Journey.signedContract(holder, on: platform)
            let newHolderEmail = "chu-moi-\(UUID().uuidString.prefix(8).lowercased())@example.vn"
            let change = try await ServiceRequestJourney.file(
                "change_of_holder", customerCode: customerCode, by: holder,
                fields: ["newHolder": ["fullName": "Trần Văn Bình", "idNumber": SampleCustomer.freshCitizenID(),
                                       "phone": Self.newHolderPhone, "email": newHolderEmail]],
                on: platform)
            _ = try await change.ticket(when: "households cleared the new holder") {
                ($0["screening"] as? [String: Any])?["outcome"] as? String == "clear"
            }
            _ = try await change.approve().expect(200)
            let code = try await change.signingCodeFromSMS(to: Self.newHolderPhone)
            _ = try await change.sign(as: Self.newHolderPhone, with: code).expect(200)
            _ = try await change.ticket(when: "it is closed") { $0["closure"] != nil }

            let contract = try #require(try await connection.ticket()["contract"] as? [String: Any])
            let contractNumber = try #require(contract["contractNumber"] as? String)
            let effectiveOn = try #require((contract["history"] as? [[String: Any]])?.last?["effectiveOn"] as? String)
            let day = effectiveOn.split(separator: "-").reversed().joined(separator: "/")

            var toNewHolder: [String] = []
            try await eventually("the new holder is told the contract is theirs") {
                toNewHolder = await platform.sms.messages().filter { $0.phone == Self.newHolderGateway }.map(\.content)
                return toNewHolder.contains { CustomerText.plain($0).contains("da chuyen sang ten quy khach") }
            }
            let takenOver = try #require(toNewHolder.map(CustomerText.plain).first { $0.contains("sang ten quy khach") })
            #expect(takenOver.contains(CustomerText.plain("Từ ngày \(day), hợp đồng mua bán điện số \(contractNumber)")))
            #expect(takenOver.contains(CustomerText.plain("mã khách hàng \(customerCode)")))
            var mails: [ReceivedMail] = []
            try await eventually("the new holder's e-mail arrived") {
                mails = try platform.mails(to: newHolderEmail)
                return !mails.isEmpty
            }
            #expect(mails.first?.subject == "Hợp đồng mua bán điện số \(contractNumber) đã chuyển sang tên Quý khách")
            #expect(mails.first?.body.contains("Từ ngày \(day), hợp đồng đứng tên Quý khách") == true)

            let leaving = CustomerText.plain("từ ngày \(day); hợp đồng không còn đứng tên Quý khách")
            try await eventually("the one leaving is told the contract left their name") {
                await connection.smsTexts().contains { CustomerText.plain($0).contains(leaving) }
            }

            try await eventually("outage gave the supply point the new holder's phone") {
                let log = try platform.service("outage").log()
                return log.contains("supply point passed to a new holder") && log.contains(customerCode)
            }
            let intake = "\(platform.url("intake"))/api/v1"
            _ = try await platform.http.call(.GET, "\(intake)/planned-outages?customerCode=\(customerCode)").expect(200)
            let dispatch = try await platform.staff.token(.dispatcher, unit: "PC05TK")
            let form: [String: Any] = [
                "communeCodes": ["20350"], "location": "Phường Tân Thạnh, Tam Kỳ", "reason": "Thay máy biến áp TBA-TT3",
                "startsAt": OutageFlowTests.vietnamInstant(days: 6),
                "endsAt": OutageFlowTests.vietnamInstant(days: 6, hours: 5),
            ]
            _ = try await platform.http.call(.POST, "\(platform.url("outage"))/api/v1/planned-outages",
                                             json: form, token: dispatch).expect(201)
            try await eventually("the new holder got the planned-outage text") {
                await platform.sms.messages().contains {
                    $0.phone == Self.newHolderGateway && $0.content.contains("Phuong Tan Thanh, Tam Ky")
                }
            }
            #expect(await !connection.smsTexts().contains { $0.contains("Phuong Tan Thanh, Tam Ky") },
                    "the one leaving is texted no more about the supply point")
            #expect(try !platform.service("outage").log().contains("987654322"), "outage logged the phone unmasked")
        }
    }
}
