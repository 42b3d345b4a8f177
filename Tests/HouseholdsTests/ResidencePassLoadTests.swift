import Foundation
import GRDB
@testable import Households
import StaffAuth
import TestSupport
import Testing

/// The residence pass on a large store runs in short transactions, in the background: the
/// service answers while it runs, and its log is a few summary lines.
@Suite struct ResidencePassLoadTests {
    /// Dossiers whose sub-household's confirmation lapsed: each one the pass recounts and reminds.
    static let dossiers = 5_000

    @Test func theRepricingListAnswersWhileTheStartUpPassRuns() async throws {
        try await HouseholdsHarness.run(environment: ["REMINDER_HOLD_ABOVE": "0"]) { households in
            let first = households.service
            let configuration = first.host.context.configuration
            await first.stop()
            try generateLapsedDossiers(Self.dossiers, storePath: configuration.storePath,
                                       phone: first.host.context.personalData.seal("+84905123456"))

            let service = try await households.start()
            let officer = try await households.token(.householdsOfficer, unit: StaffClaims.corporationUnit)
            // The first start's pass, on the empty store, logged one summary already.
            let passesDone = { households.logs.all.count { $0.message == "residence pass done" } }
            var answeredDuringPass = 0
            var slowest: TimeInterval = 0
            let deadline = Date().addingTimeInterval(300)
            while passesDone() < 2 && Date() < deadline {
                let asked = Date()
                _ = try await service.get("api/v1/repricing?unit=PC05TK", token: officer).expect(200)
                slowest = max(slowest, Date().timeIntervalSince(asked))
                if passesDone() < 2 { answeredDuringPass += 1 }
            }
            try #require(passesDone() == 2, "the start-up pass did not finish within 5 minutes")
            #expect(answeredDuringPass >= 3, "the pass ended before the list could be read while it ran")
            #expect(slowest < 0.5, "the slowest list took \(slowest) s while the pass ran")

            let program = service.host.definition.program
            let held = try await program.heldReminders()
            #expect(held.held == Self.dossiers)
            let recounted = try await service.host.context.store.database.read { db in
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM households_members WHERE counting = 1")
            }
            #expect(recounted == 0, "every lapsed confirmation stopped counting")
            let summary = try #require(households.logs.all.last { $0.message == "residence pass done" })
            #expect(summary.metadata["recounted"] == "\(Self.dossiers)", "each dossier recounted once, across the pass's batches")
            let passLines = households.logs.all.filter { $0.message.contains("residence") }
            #expect(passLines.count == 3, "two passes' summaries and one warning, not \(passLines.map(\.message))")
        }
    }

    /// Writes `count` active dossiers of PC05TK straight into the store at `storePath`, each with
    /// a contact phone and one sub-household whose confirmation ended on 30 June 2025 and still
    /// counts, in one statement per table.
    private func generateLapsedDossiers(_ count: Int, storePath: String, phone: Data) throws {
        let database = try DatabaseQueue(path: storePath)
        try database.write { db in
            try db.execute(sql: """
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
                INSERT INTO households_dossiers (dossier_id, unit, sequence, customer_code, origin, status, opened_at,
                    opened_by, contact_phone_sealed, contact_phone_masked, effective_quarters, quarters_since)
                SELECT printf('HS-PC05TK-%07d', i), 'PC05TK', i, printf('PC05TK%07d', i), 'records', 'active', 0,
                    'load-test', ?, '+8490****456', 8, 0
                FROM n;
                INSERT INTO households_members (dossier_id, role, name_sealed, id_sealed, id_fingerprint, id_masked,
                    id_legacy, confirmation_valid_until, persons, counting, joined_at)
                SELECT dossier_id, 'sub', x'00', x'00', 'fingerprint-' || sequence, '049********', 0, '2025-06-30', 1, 1, 0
                FROM households_dossiers WHERE opened_by = 'load-test';
                """, arguments: [count, phone])
        }
    }
}
