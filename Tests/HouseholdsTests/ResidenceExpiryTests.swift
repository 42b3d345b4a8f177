import Contracts
import Foundation
import Messaging
@testable import Households
import TestSupport
import Testing
import WorkingCalendar

/// The daily residence pass: confirmations within 30 days of their end and those ended are
/// listed; each threshold reminds the main household once; an ended confirmation stops counting.
@Suite struct ResidenceExpiryTests {
    /// Today in Vietnam, read once per test: every day a test writes and checks counts from it,
    /// so a test that runs across midnight still agrees with itself.
    private let today = CalendarDay(Date())

    @Test func thePassRemindsOncePerThresholdAndAnEndedConfirmationStopsCounting() async throws {
        try await HouseholdsHarness.run { households in
            let officer = try await households.token(.householdsOfficer, unit: Samples.unit)
            let dossierId = try await prepare(households, officer: officer)

            let listed = try await households.get("api/v1/residence-expiry", token: officer).expect(200)
            #expect((listed["expiringSoon"] as? [[String: Any]])?.map { $0["customerCode"] as? String } ==
                    ["PC05TK0000061", "PC05TK0000062"])
            #expect((listed["expired"] as? [[String: Any]])?.map { $0["fullName"] as? String } == ["Lê Văn Cường"])
            #expect(try await households.get("api/v1/residence-expiry", token: try await households.token(
                .householdsOfficer, unit: Samples.otherUnit)).expect(200)["expiringSoon"] as? [Any] != nil)

            let program = households.host.definition.program
            let first = try await program.runResidencePass()
            #expect(first.remindersSent == 2)
            #expect(first.remindersWithoutPhone == 1)
            let again = try await program.runResidencePass()
            #expect(again.remindersSent == 0 && again.remindersWithoutPhone == 0)
            let reminders = try await households.awaitSent(SendResidenceReminder.routingKey, count: 2)
            #expect(reminders.count == 2)
            #expect(Set(reminders.compactMap { $0["threshold"] as? String }) == ["expiring_soon", "expired"])
            #expect(reminders.allSatisfy { $0["phone"] as? String == "+84905123456" && $0["customerCode"] as? String == "PC05TK0000061" })
            #expect(try await households.messages(SendResidenceReminder.routingKey).allSatisfy {
                ($0["properties"] as? [String: Any])?["correlation_id"] as? String == "PC05TK0000061"
            })
            let logged = households.logs.all.map { "\($0.message) \($0.metadata)" }.joined(separator: "\n")
            #expect(!logged.contains("905123456"), "the phone is never logged unmasked")

            // Three weeks on, the first confirmation has ended: the dossier counts one household
            // less, crm hears of it, and the main household is told it expired.
            let later = today.adding(days: 21).start().addingTimeInterval(8 * 3600)
            let lapsed = try await program.runResidencePass(at: later)
            #expect(lapsed.recounted == 2)
            #expect(lapsed.remindersSent == 1)
            let changes = try await households.awaitSent(HouseholdCountChanged.routingKey, count: 2)
            let mine = try #require(changes.first { $0["dossierId"] as? String == dossierId })
            #expect(mine["previousQuarters"] as? Int == 8)
            #expect(mine["newQuarters"] as? Int == 4)
            #expect(mine["reason"] as? String == "confirmation_expired")
            #expect(mine["effectiveOn"] as? String == today.adding(days: 21).description)
            #expect(try await households.awaitSent(SendResidenceReminder.routingKey, count: 3).count == 3)
        }
    }

    @Test func theListIsReadPageByPageAfterTheLastHouseholdOfEachPage() async throws {
        try await HouseholdsHarness.run { households in
            let officer = try await households.token(.householdsOfficer, unit: Samples.unit)
            _ = try await prepare(households, officer: officer)
            let corporation = try await households.token(.householdsOfficer, unit: "CORP")
            let first = try await households.get("api/v1/residence-expiry?unit=\(Samples.unit)&limit=2",
                                                 token: corporation).expect(200)
            #expect((first["expired"] as? [[String: Any]])?.map { $0["fullName"] as? String } == ["Lê Văn Cường"])
            let soon = try #require(first["expiringSoon"] as? [[String: Any]])
            #expect(soon.map { $0["customerCode"] as? String } == ["PC05TK0000061"])
            let next = try #require(first["next"] as? String)
            #expect(next == soon.last?["subHouseholdId"] as? String)
            let second = try await households.get("api/v1/residence-expiry?limit=2&after=\(next)", token: officer)
                .expect(200)
            #expect((second["expiringSoon"] as? [[String: Any]])?.map { $0["customerCode"] as? String } == ["PC05TK0000062"])
            #expect((second["expired"] as? [Any])?.isEmpty == true)
            #expect(second["next"] == nil)

            let other = try await households.token(.householdsOfficer, unit: Samples.otherUnit)
            let otherPage = try await households.get("api/v1/residence-expiry?limit=1", token: other).expect(200)
            #expect((otherPage["expiringSoon"] as? [Any])?.isEmpty == true && otherPage["next"] == nil)
            let named = try await households.get("api/v1/residence-expiry?unit=\(Samples.unit)&limit=1", token: other)
            #expect(named.status == 403, "a branch officer still reads only their branch's list")

            let refused = try await households.get("api/v1/residence-expiry?limit=1001", token: officer)
            #expect(refused.status == 422)
            #expect(try refused.errorFields() == ["limit"])
            let nowhere = try await households.get("api/v1/residence-expiry?limit=2&after=PC05TK0000061", token: officer)
            #expect(nowhere.status == 422)
            #expect(try nowhere.errorFields() == ["after"])
            #expect(try nowhere.englishMessage()?.contains("next of the previous page") == true)
        }
    }

    /// Two dossiers of the branch: the first with one confirmation ending in 20 days and one
    /// ended, the second with one ending in 20 days. Answers the first dossier's id.
    /// The whole list, asked for without a page, is written page by page while it is read, and
    /// is the same document however the pages fall: all expired in one, split over several, or
    /// a page holding the last expired confirmation and the first expiring one.
    @Test func theWholeListIsTheSameDocumentHoweverItsPagesFall() async throws {
        try await HouseholdsHarness.run { households in
            let officer = try await households.token(.householdsOfficer, unit: Samples.unit)
            _ = try await prepare(households, officer: officer)
            let reports = households.host.definition.program.reports
            let whole = try JSONCoding.encoder.encode(try await reports.expiring(unit: Samples.unit, today: today))
            #expect(String(decoding: whole, as: UTF8.self).contains(#""expired":[{"#))
            for pageSize in [1, 2, 3, 100] {
                let lists = WholeListResponses(reports: reports, document: try RepricingDocument(), pageSize: pageSize)
                let streamed = try await lists.expiry(unit: Samples.unit).collectedBody()
                #expect(String(decoding: streamed, as: UTF8.self) == String(decoding: whole, as: UTF8.self),
                        "pages of \(pageSize)")
            }
            let listed = try await households.get("api/v1/residence-expiry", token: officer)
            #expect(listed.body == whole && listed.header("transfer-encoding") == "chunked")
        }
    }

    private func prepare(_ households: HouseholdsHarness, officer: String) async throws -> String {
        let soon = today.adding(days: 20).description
        var body = Samples.dossier(customerCode: "PC05TK0000061", contactPhone: "0905123456")
        body["subHouseholds"] = [Samples.subHousehold(Samples.tenant, validUntil: soon),
                                 Samples.subHousehold(Samples.stranger, validUntil: "2025-06-30")]
        let dossierId = try #require(try await households.post("api/v1/dossiers", body, token: officer)
            .expect(201)["dossierId"] as? String)
        var quiet = Samples.dossier(customerCode: "PC05TK0000062", holder: Samples.neighbour,
                                    subs: [Person(fullName: "Đỗ Văn Hùng", idNumber: "049186003377")])
        quiet["subHouseholds"] = [Samples.subHousehold(Person(fullName: "Đỗ Văn Hùng", idNumber: "049186003377"),
                                                       validUntil: soon)]
        _ = try await households.post("api/v1/dossiers", quiet, token: officer).expect(201)
        return dossierId
    }
}
