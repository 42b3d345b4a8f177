import GRDB

/// Households' tables, as named migrations registered in order; never edit one once shipped.
///
/// A dossier is one shared meter; its members are the households' heads, one row each, so
/// the sub-household program can later hang residence confirmations, splits and
/// reconciliation records off `member_id` without reshaping these tables. Names and ID
/// numbers are sealed; an ID number is found by its keyed fingerprint and shown masked.
enum HouseholdsSchema {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("households.dossiers") { db in
            try db.execute(sql: """
                CREATE TABLE households_dossiers (
                    dossier_id TEXT PRIMARY KEY,
                    unit TEXT NOT NULL,
                    sequence INTEGER NOT NULL,
                    customer_code TEXT NOT NULL,
                    meter_serial TEXT,
                    contract_number TEXT UNIQUE,
                    request_code TEXT,
                    origin TEXT NOT NULL CHECK (origin IN ('contract', 'records')),
                    status TEXT NOT NULL CHECK (status IN ('active', 'closed')),
                    opened_at REAL NOT NULL,
                    opened_by TEXT NOT NULL,
                    closed_at REAL,
                    closed_by TEXT,
                    UNIQUE (unit, sequence)
                );
                CREATE UNIQUE INDEX households_dossiers_active_customer ON households_dossiers (customer_code)
                    WHERE status = 'active';
                CREATE TABLE households_members (
                    member_id INTEGER PRIMARY KEY,
                    dossier_id TEXT NOT NULL REFERENCES households_dossiers (dossier_id),
                    role TEXT NOT NULL CHECK (role IN ('main', 'sub')),
                    name_sealed BLOB NOT NULL,
                    id_sealed BLOB NOT NULL,
                    id_fingerprint TEXT NOT NULL,
                    id_masked TEXT NOT NULL,
                    id_legacy INTEGER NOT NULL,
                    joined_at REAL NOT NULL,
                    left_at REAL,
                    UNIQUE (dossier_id, id_fingerprint)
                );
                CREATE INDEX households_members_fingerprint ON households_members (id_fingerprint);
                """)
        }
    }
}
