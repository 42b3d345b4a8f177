import FlowDriver
import Foundation
import TestSupport
import Testing

/// A change of holder from the customer's form on intake's public API: households screens the
/// new holder, the branch approves, and the contract crm holds gets a version that passes it
/// to the new holder, shown by their ID number masked; the one leaving is told it passed on.
@Suite(.serialized) struct HolderChangeFlowTests {
    @Test func aScreenedNewHolderTakesTheContractOverOnApproval() async throws {
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
            let done = try await change.ticket(when: "it is closed") { $0["closure"] != nil }
            #expect((done["closure"] as? [String: Any])?["resolution"] as? String == "completed")

            let contract = try #require(try await connection.ticket()["contract"] as? [String: Any])
            let history = try #require(contract["history"] as? [[String: Any]])
            #expect(history.map { $0["change"] as? String } == ["signed", "holder_changed"])
            #expect(history.last?["cause"] as? String == change.requestCode)
            #expect(history.last?["holderIdNumber"] as? String
                    == "\(newHolderId.prefix(3))*******\(newHolderId.suffix(2))")
            let texts = try await change.smsTexts(atLeast: 2)
            #expect(texts.contains { CustomerText.plain($0).contains(
                CustomerText.plain("Hợp đồng mã khách hàng \(customerCode) đã chuyển cho chủ hợp đồng mới")) })

            for service in Platform.flowServices {
                let log = try platform.service(service).log()
                #expect(!log.contains(newHolderId), "\(service) logged the new holder's ID number unmasked")
            }
        }
    }
}
