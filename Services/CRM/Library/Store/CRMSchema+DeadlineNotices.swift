import GRDB

extension CRMSchema {
    /// The deadline digests crm has e-mailed to branch staff, by notice id (`digest/<day>/<staff
    /// id>`), with how many tickets each told of: the record that keeps a digest to once a day
    /// per person, across restarts and replicas.
    static func registerDeadlineNotices(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("crm.deadline-notices") { db in
            try db.cachedStatement(sql: """
                CREATE TABLE crm_deadline_notices (
                    notice_id TEXT PRIMARY KEY,
                    staff_id TEXT NOT NULL,
                    branch_code TEXT NOT NULL,
                    ticket_count INTEGER NOT NULL,
                    sent_at REAL NOT NULL
                );
                """).execute()
        }
    }
}
