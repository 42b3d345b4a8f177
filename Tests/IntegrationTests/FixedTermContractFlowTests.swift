import FlowDriver
import Foundation
import TestSupport
import Testing

/// A business asks for a contract with a term; once signed, its confirmation by text and
/// e-mail names the contract's last day, which the signature fixed. A renewal the branch
/// approves moves that day one term on, as a version of the contract, and texts the new one.
@Suite(.serialized) struct FixedTermContractFlowTests {
    @Test func theConfirmationOfASignedContractWithATermNamesItsLastDayAndARenewalMovesItOneTermOn() async throws {
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

            try await Self.expectRenewal(of: contract, endingOn: endsOn, term: 6, by: customer, on: platform)
        }
    }

    /// The holder asks to renew `contract`, which ends on `endsOn`, and the branch approves it
    /// at once: it now ends `term` months later (the same day of the month, or the month's last
    /// day), the day the customer is texted; its history keeps the signed version's end and adds
    /// a `renewed` one, from the day of approval.
    static func expectRenewal(of contract: [String: Any], endingOn endsOn: String, term: Int,
                              by customer: SampleCustomer, on platform: Platform) async throws {
        let customerCode = try #require(contract["customerCode"] as? String)
        let renewal = try await ServiceRequestJourney.file("contract_renewal", customerCode: customerCode, by: customer,
                                                           on: platform)
        _ = try await renewal.approve().expect(200)
        let closed = try await renewal.ticket(when: "it is closed") { $0["closure"] != nil }
        #expect((closed["closure"] as? [String: Any])?["resolution"] as? String == "completed")
        let renewed = try #require(closed["contract"] as? [String: Any])
        let newEnd = try #require(day(endsOn, plusMonths: term))
        #expect(renewed["endsOn"] as? String == newEnd)
        let history = try #require(renewed["history"] as? [[String: Any]])
        #expect(history.map { $0["change"] as? String } == ["signed", "renewed"])
        #expect(history.map { $0["endsOn"] as? String } == [endsOn, newEnd])
        let version = try #require(history.last)
        #expect(version["cause"] as? String == renewal.requestCode)
        #expect(version["effectiveOn"] as? String == vietnamDay(of: version["recordedAt"] as? String ?? ""),
                "the renewal holds from the day the branch approved it")

        let shown = newEnd.split(separator: "-").reversed().joined(separator: "/")
        let told = CustomerText.plain("Hợp đồng mã khách hàng \(customerCode) đã được gia hạn đến hết ngày \(shown)")
        var texts: [String] = []
        try await eventually("the customer is told the contract's new last day (got \(texts))") {
            texts = try await renewal.smsTexts(atLeast: 1)
            return texts.contains { CustomerText.plain($0).contains(told) }
        }
    }

    /// `day` (`YYYY-MM-DD`) `months` later: the same day of the month, or the month's last day.
    static func day(_ day: String, plusMonths months: Int) -> String? {
        let formatter = dayFormatter(TimeZone(identifier: "UTC")!)
        return formatter.date(from: day).flatMap { formatter.calendar.date(byAdding: .month, value: months, to: $0) }
            .map(formatter.string(from:))
    }

    /// The day in Vietnam of an ISO 8601 instant.
    static func vietnamDay(of instant: String) -> String? {
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions.insert(.withFractionalSeconds)
        return (ISO8601DateFormatter().date(from: instant) ?? fractional.date(from: instant))
            .map(dayFormatter(TimeZone(identifier: "Asia/Ho_Chi_Minh")!).string(from:))
    }

    private static func dayFormatter(_ zone: TimeZone) -> DateFormatter {
        let formatter = DateFormatter()
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        formatter.calendar = calendar
        formatter.timeZone = zone
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter
    }
}
