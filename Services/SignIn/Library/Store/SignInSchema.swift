import GRDB
import ServiceKit

/// The sign-in's tables.
///
/// `staff_session`: one row per sign-in, found by the SHA-256 of its session id (the id itself,
/// the `staff_session` cookie, is never stored, so a copy of the store signs nobody in). The
/// person's name is sealed; their directory uid, roles and unit are what every token of theirs
/// carries anyway.
enum SignInSchema {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("signin.sessions") { db in
            try db.execute(sql: """
                CREATE TABLE staff_session (
                    id_hash TEXT PRIMARY KEY,
                    staff_id TEXT NOT NULL,
                    display_name_sealed BLOB NOT NULL,
                    roles TEXT NOT NULL,
                    unit TEXT NOT NULL,
                    started_at REAL NOT NULL,
                    last_active_at REAL NOT NULL,
                    ends_at REAL NOT NULL,
                    ended_at REAL
                )
                """)
            try db.execute(sql: "CREATE INDEX staff_session_by_staff ON staff_session (staff_id)")
        }
    }

    /// The tables holding sealed personal data, for `evnctl reseal`.
    static let personalDataTables = [
        PersonalDataTable("staff_session", key: "id_hash", sealed: ["display_name_sealed"]),
    ]
}
