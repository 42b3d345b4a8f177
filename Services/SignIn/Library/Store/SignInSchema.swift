import GRDB
import ServiceKit

/// The sign-in's tables.
///
/// `staff_session`: one row per sign-in, found by the SHA-256 of its session id (the id itself,
/// the `staff_session` cookie, is never stored, so a copy of the store signs nobody in). The
/// person's name is sealed; their directory uid, roles and unit are what every token of theirs
/// carries anyway.
///
/// `wall_board_device`: the branches' wall-board devices (``WallBoardDevices``), their one-time
/// enrolment secret and their credential each only hashed.
///
/// `service_account`: the machine accounts (``ServiceAccountBook``), each secret only hashed.
///
/// `sign_in_event`: the audit (``SignInLedger``), from which lock-outs are also counted. The
/// username as typed and the client address are sealed, each with a fingerprint to count by.
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
        migrator.registerMigration("signin.audit") { db in
            try db.execute(sql: """
                CREATE TABLE sign_in_event (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    at REAL NOT NULL,
                    outcome TEXT NOT NULL,
                    username_sealed BLOB NOT NULL,
                    username_fingerprint TEXT NOT NULL,
                    staff_id TEXT,
                    unit TEXT,
                    client_address_sealed BLOB NOT NULL,
                    client_fingerprint TEXT NOT NULL,
                    locks_account INTEGER NOT NULL DEFAULT 0,
                    locks_client INTEGER NOT NULL DEFAULT 0
                )
                """)
            try db.execute(sql: "CREATE INDEX sign_in_event_by_account ON sign_in_event (username_fingerprint, at)")
            try db.execute(sql: "CREATE INDEX sign_in_event_by_client ON sign_in_event (client_fingerprint, at)")
            try db.execute(sql: "CREATE INDEX sign_in_event_by_unit ON sign_in_event (unit, at)")
        }
        migrator.registerMigration("signin.service-accounts") { db in
            try db.execute(sql: """
                CREATE TABLE service_account (
                    client_id TEXT PRIMARY KEY,
                    secret_hash TEXT NOT NULL,
                    roles TEXT NOT NULL,
                    unit TEXT NOT NULL,
                    created_at REAL NOT NULL,
                    revoked_at REAL
                )
                """)
        }
        migrator.registerMigration("signin.wall-board-devices") { db in
            try db.execute(sql: """
                CREATE TABLE wall_board_device (
                    id TEXT PRIMARY KEY,
                    name TEXT NOT NULL,
                    unit TEXT NOT NULL,
                    enrolled_by TEXT NOT NULL,
                    created_at REAL NOT NULL,
                    enrolment_hash TEXT UNIQUE,
                    enrolment_expires_at REAL NOT NULL,
                    credential_hash TEXT UNIQUE,
                    enrolled_at REAL,
                    last_seen_at REAL,
                    revoked_at REAL
                )
                """)
            try db.execute(sql: "CREATE INDEX wall_board_device_by_unit ON wall_board_device (unit, created_at)")
        }
    }

    /// The tables holding sealed personal data, for `evnctl reseal`.
    static let personalDataTables = [
        PersonalDataTable("staff_session", key: "id_hash", sealed: ["display_name_sealed"]),
        PersonalDataTable("sign_in_event", key: "id", sealed: ["username_sealed", "client_address_sealed"], fingerprints: [
            .init("username_fingerprint", from: "username_sealed", value: SignInLedger.account),
            .init("client_fingerprint", from: "client_address_sealed"),
        ]),
    ]
}
