import Contracts
import Foundation
@testable import Households
import StaffAuth
import TestSupport
import Testing
import WorkingCalendar

/// A residence pass that would text more main households than `REMINDER_HOLD_ABOVE` holds its
/// reminders until a corporation's households officer releases them.
@Suite struct HeldRemindersTests {
    @Test func aPassOverTheLimitHoldsItsRemindersUntilAnOfficerReleasesThem() async throws {
        try await withExpiringDossiers(3, holdAbove: 2) { households, branch in
            let pass = try await households.host.definition.program.runResidencePass()
            #expect(pass.remindersHeld == 3)
            #expect(pass.remindersSent == 0)
            #expect(households.logs.contains("residence reminders held for a households officer to release",
                                             where: "reminders_held", is: "3"))

            let officer = try await households.token(.householdsOfficer, unit: StaffClaims.corporationUnit,
                                                     staffId: "hq-hh-01")
            let held = try await households.get("api/v1/residence-expiry/held", token: officer).expect(200)
            #expect(held["held"] as? Int == 3)
            #expect(held["heldSince"] as? String != nil)
            #expect(try await households.messages(SendResidenceReminder.routingKey).isEmpty)
            let again = try await households.host.definition.program.runResidencePass()
            #expect(again.remindersHeld == 0 && again.remindersSent == 0, "a held reminder is not found due again")

            let refused = try await households.post("api/v1/residence-expiry/held/release", token: branch)
            #expect(refused.status == 403, "a branch's officer may not release the corporation's reminders")
            let desk = try await households.token(.customerService, unit: StaffClaims.corporationUnit)
            #expect(try await households.post("api/v1/residence-expiry/held/release", token: desk).status == 403)
            #expect(try await households.get("api/v1/residence-expiry/held", token: officer).expect(200)["held"] as? Int == 3)

            let released = try await households.post("api/v1/residence-expiry/held/release", token: officer).expect(200)
            #expect(released["released"] as? Int == 3)
            #expect(released["sent"] as? Int == 3)
            let reminders = try await households.awaitSent(SendResidenceReminder.routingKey, count: 3)
            #expect(Set(reminders.compactMap { $0["customerCode"] as? String }) ==
                    ["PC05TK0000071", "PC05TK0000072", "PC05TK0000073"])
            #expect(try await households.get("api/v1/residence-expiry/held", token: officer).expect(200)["held"] as? Int == 0)
            #expect(households.logs.contains("held residence reminders released", where: "staff_id", is: "hq-hh-01"))
        }
    }

    @Test func aPassAtTheLimitSendsItsReminders() async throws {
        try await withExpiringDossiers(2, holdAbove: 2) { households, _ in
            let pass = try await households.host.definition.program.runResidencePass()
            #expect(pass.remindersSent == 2)
            #expect(pass.remindersHeld == 0)
            #expect(try await households.awaitSent(SendResidenceReminder.routingKey, count: 2).count == 2)
        }
    }

    /// Runs households with `REMINDER_HOLD_ABOVE=holdAbove` and `count` dossiers of PC05TK whose
    /// reminders are due, and `body` with it and the branch officer's token who registered them.
    private func withExpiringDossiers(_ count: Int, holdAbove: Int,
                                      _ body: (HouseholdsHarness, String) async throws -> Void) async throws {
        try await HouseholdsHarness.run(environment: ["REMINDER_HOLD_ABOVE": "\(holdAbove)"]) { households in
            let branch = try await households.token(.householdsOfficer, unit: Samples.unit)
            for index in 1...count {
                try await registerExpiringDossier(index, households, token: branch)
            }
            try await body(households, branch)
        }
    }

    /// Dossier `PC05TK000007<index>` with a phone and one sub-household whose confirmation ends in 20 days.
    private func registerExpiringDossier(_ index: Int, _ households: HouseholdsHarness, token: String) async throws {
        let soon = CalendarDay(Date()).adding(days: 20).description
        let holder = Person(fullName: "Nguyễn Văn Chủ", idNumber: "04908500\(1000 + index)")
        let tenant = Person(fullName: "Trần Thị Thuê", idNumber: "04919500\(1000 + index)")
        var body = Samples.dossier(customerCode: "PC05TK000007\(index)", holder: holder, subs: [tenant],
                                   contactPhone: "090512345\(index)")
        body["subHouseholds"] = [Samples.subHousehold(tenant, validUntil: soon)]
        _ = try await households.post("api/v1/dossiers", body, token: token).expect(201)
    }
}
