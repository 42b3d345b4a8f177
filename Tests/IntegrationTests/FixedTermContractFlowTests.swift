import FlowDriver
import Foundation
import TestSupport
import Testing

/// A business asks for a contract with a term; once signed, its confirmation by text and
/// e-mail names the contract's last day, which the signature fixed.
@Suite(.serialized) struct FixedTermContractFlowTests {
    @Test func theConfirmationOfASignedContractWithATermNamesItsLastDay() async throws {
        try await Platform.run("fixed-term") { platform in
            let customer = SampleCustomer.make(households: 1)
            try await platform.receiveMeter(branch: customer.branchCode)
            let journey = try await Journey.file(customer, fields: ["purpose": "business", "termMonths": 6], on: platform)
            _ = try await journey.ticket(when: "screening is clear") { ticket in
                (ticket["screening"] as? [String: Any])?["outcome"] as? String == "clear"
            }
            _ = try await journey.recordSurvey("feasible", phase: 1).expect(200)
            _ = try await journey.requestInstallation().expect(200)
            _ = try await journey.completeInstallation(initialReading: 5)
            _ = try await journey.sign(with: try await journey.signingCodeFromSMS()).expect(200)
            let closed = try await journey.ticket(when: "the contract is signed") { $0["closure"] != nil }
            let contract = try #require(closed["contract"] as? [String: Any])
            #expect(contract["termMonths"] as? Int == 6)
            let endsOn = try #require(contract["endsOn"] as? String)
            let lastDay = endsOn.split(separator: "-").reversed().joined(separator: "/")

            try await eventually("the confirmation names the contract's last day") {
                await journey.smsTexts().contains {
                    CustomerText.plain($0).contains(CustomerText.plain("có thời hạn đến hết ngày \(lastDay)"))
                }
            }
            #expect(await !journey.smsTexts().contains { CustomerText.plain($0).contains("ke tu ngay ky") })
            var confirmation: ReceivedMail?
            try await eventually("the confirming e-mail arrived") {
                confirmation = try journey.mails().first { $0.subject.hasPrefix("Xác nhận đã ký hợp đồng") }
                return confirmation != nil
            }
            #expect(confirmation?.body.contains("Hợp đồng có thời hạn đến hết ngày \(lastDay).") == true)
        }
    }
}
