import GRDB
import Households
import TestSupport
import Testing

/// The reminders an earlier version recorded, held ones included, survive the migration that
/// keys them in the order a residence pass writes them.
@Suite struct ReminderMigrationTests {
    @Test func remindersRecordedBeforeAreKeptWhenTheyAreKeyedByEndDay() throws {
        let migrator = HouseholdsService.migrator(personalData: TemporaryStore.protector(7))
        let pool = try TemporaryStore.earlierVersion(of: migrator, upTo: "households.dossier-attachments")
        let reminders: [[DatabaseValue]] = [
            [3.databaseValue, "expired".databaseValue, "2026-01-10".databaseValue, 1_767_000_000.5.databaseValue,
             1.databaseValue, .null],
            [1.databaseValue, "expiring_soon".databaseValue, "2026-02-01".databaseValue, 1_767_100_000.0.databaseValue,
             0.databaseValue, 1_767_100_000.0.databaseValue],
            [2.databaseValue, "expired".databaseValue, "2026-01-10".databaseValue, 1_767_000_001.0.databaseValue,
             0.databaseValue, .null],
            [1.databaseValue, "expired".databaseValue, "2026-02-01".databaseValue, 1_767_200_000.0.databaseValue,
             1.databaseValue, .null],
        ]
        try pool.write { db in
            try db.execute(sql: """
                INSERT INTO households_dossiers (dossier_id, unit, sequence, customer_code, origin, status, opened_at, opened_by)
                VALUES ('HD-PC05TK-000001', 'PC05TK', 1, 'PC05TK0000001', 'records', 'active', 0, 'import')
                """)
            for member in 1...3 {
                try db.execute(sql: """
                    INSERT INTO households_members (member_id, dossier_id, role, name_sealed, id_sealed, id_fingerprint,
                        id_masked, id_legacy, joined_at)
                    VALUES (?, 'HD-PC05TK-000001', ?, x'00', x'00', ?, '***', 0, 0)
                    """, arguments: [member, member == 1 ? "main" : "sub", "fp-\(member)"])
            }
            for reminder in reminders {
                try db.execute(sql: """
                    INSERT INTO households_reminders (member_id, threshold, valid_until, reminded_at, sent, held_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """, arguments: StatementArguments(reminder.map { $0 as any DatabaseValueConvertible }))
            }
        }

        try migrator.migrate(pool)

        try pool.read { db in
            let kept = try Row.fetchAll(db, sql: """
                SELECT member_id, threshold, valid_until, reminded_at, sent, held_at FROM households_reminders
                """).map { row in Array(row.databaseValues) }
            #expect(kept == [reminders[2], reminders[0], reminders[3], reminders[1]],
                    "every reminder kept, stored by end day, then household, then threshold")
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM households_reminders WHERE held_at IS NOT NULL") == 1)
            let plan = try Row.fetchAll(db, sql: """
                EXPLAIN QUERY PLAN SELECT COUNT(*) FROM households_reminders WHERE held_at IS NOT NULL
                """).map { row in row["detail"] as String }
            #expect(plan.joined().contains("households_reminders_held"), "the held reminders keep their index")
        }
    }
}
