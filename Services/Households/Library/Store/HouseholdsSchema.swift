import GRDB
import PersonalData
import ServiceKit

/// Households' tables, as named migrations registered in order; never edit one once shipped.
///
/// A dossier is one shared meter; its members are the households' heads, one row each, so
/// the sub-household program can later hang residence confirmations, splits and
/// reconciliation records off `member_id` without reshaping these tables. Names, ID
/// numbers and addresses are sealed; an ID number is found by its keyed fingerprint and shown
/// masked. The billing system's customers' names and addresses were plain text until
/// `households.customers.sealed-names-and-addresses`.
enum HouseholdsSchema {
    static func register(in migrator: inout DatabaseMigrator, personalData: PersonalDataProtector) {
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
        migrator.registerMigration("households.program") { db in
            try db.execute(sql: programSQL)
        }
        // The customer's request that moved a count, when one did: counted once per request.
        migrator.registerMigration("households.count-change-requests") { db in
            try db.execute(sql: """
                ALTER TABLE households_count_changes ADD COLUMN request_code TEXT;
                CREATE UNIQUE INDEX households_count_changes_request ON households_count_changes (request_code)
                    WHERE request_code IS NOT NULL;
                """)
        }
        migrator.registerSealing("households.customers.sealed-names-and-addresses", table: "households_customers",
                                 key: "customer_code", columns: ["name", "address"], with: personalData)
        // Reminders a residence pass held back because it would have texted too many main
        // households at once: `held_at` is set until a households officer releases them.
        migrator.registerMigration("households.held-reminders") { db in
            try db.execute(sql: """
                ALTER TABLE households_reminders ADD COLUMN held_at REAL;
                CREATE INDEX households_reminders_held ON households_reminders (held_at) WHERE held_at IS NOT NULL;
                """)
        }
        // The papers kept with a dossier (household book, residence confirmation), sealed: a
        // scan of a household book is personal data.
        migrator.registerMigration("households.dossier-attachments") { db in
            try db.execute(sql: """
                CREATE TABLE households_attachments (
                    attachment_id TEXT PRIMARY KEY,
                    dossier_id TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    content_type TEXT NOT NULL,
                    byte_count INTEGER NOT NULL,
                    added_by TEXT NOT NULL,
                    content_sealed BLOB NOT NULL,
                    added_at REAL NOT NULL
                );
                CREATE INDEX households_attachments_dossier ON households_attachments (dossier_id, added_at);
                """)
        }
        // Reminders keyed in the order a residence pass writes them (end day, then household): keyed
        // by household, the 2,000 reminders of each of the pass's transactions landed on as many
        // pages, each rewritten for a row or two, and so did the held index under them.
        migrator.registerMigration("households.reminders-in-expiry-order") { db in
            try db.execute(sql: """
                CREATE TABLE households_reminders_by_expiry (
                    member_id INTEGER NOT NULL REFERENCES households_members (member_id),
                    threshold TEXT NOT NULL CHECK (threshold IN ('expiring_soon', 'expired')),
                    valid_until TEXT NOT NULL,
                    reminded_at REAL NOT NULL,
                    sent INTEGER NOT NULL,
                    held_at REAL,
                    PRIMARY KEY (valid_until, member_id, threshold)
                ) WITHOUT ROWID;
                INSERT INTO households_reminders_by_expiry (member_id, threshold, valid_until, reminded_at, sent, held_at)
                    SELECT member_id, threshold, valid_until, reminded_at, sent, held_at FROM households_reminders;
                DROP TABLE households_reminders;
                ALTER TABLE households_reminders_by_expiry RENAME TO households_reminders;
                CREATE INDEX households_reminders_held ON households_reminders (held_at) WHERE held_at IS NOT NULL;
                """)
        }
    }

    /// The sub-household program: residence details and counts on members and dossiers, the
    /// billing system's customers, imports, overrides, reminders and count changes.
    ///
    /// The members table is rebuilt: a household that left a dossier may join it again, so the
    /// same person may appear twice in a dossier's history, once current at most (the duplicate
    /// check sees to that). A member that left (ended, split off, or its dossier closed) gets
    /// `left_at`, so "current" is one partial index away. `counting` is whether the member
    /// counted at the dossier's last recount; `effective_quarters` the dossier's count then,
    /// with `quarters_since` the moment it took that value: reconciliation reads them instead of
    /// recounting 800,000 households.
    private static let programSQL = """
        ALTER TABLE households_dossiers ADD COLUMN contact_phone_sealed BLOB;
        ALTER TABLE households_dossiers ADD COLUMN contact_phone_masked TEXT;
        ALTER TABLE households_dossiers ADD COLUMN effective_quarters INTEGER NOT NULL DEFAULT 4;
        ALTER TABLE households_dossiers ADD COLUMN quarters_since REAL;
        UPDATE households_dossiers SET quarters_since = opened_at,
            effective_quarters = 4 * (SELECT COUNT(*) FROM households_members m WHERE m.dossier_id = households_dossiers.dossier_id);

        CREATE TABLE households_members_program (
            member_id INTEGER PRIMARY KEY,
            dossier_id TEXT NOT NULL REFERENCES households_dossiers (dossier_id),
            role TEXT NOT NULL CHECK (role IN ('main', 'sub')),
            name_sealed BLOB NOT NULL,
            id_sealed BLOB NOT NULL,
            id_fingerprint TEXT NOT NULL,
            id_masked TEXT NOT NULL,
            id_legacy INTEGER NOT NULL,
            details_sealed BLOB,
            book_fingerprint TEXT,
            book_masked TEXT,
            confirmation_issuer TEXT,
            confirmation_number TEXT,
            confirmation_issued_on TEXT,
            confirmation_valid_until TEXT,
            persons INTEGER,
            counting INTEGER NOT NULL DEFAULT 1,
            joined_at REAL NOT NULL,
            left_at REAL,
            left_reason TEXT CHECK (left_reason IN ('ended', 'split', 'dossier_closed')),
            split_customer_code TEXT,
            split_meter_serial TEXT,
            not_split_reason TEXT,
            not_split_note TEXT,
            wants_split INTEGER NOT NULL DEFAULT 0,
            split_status_at REAL,
            override_id INTEGER
        );
        INSERT INTO households_members_program (member_id, dossier_id, role, name_sealed, id_sealed, id_fingerprint,
            id_masked, id_legacy, joined_at, left_at)
        SELECT member_id, dossier_id, role, name_sealed, id_sealed, id_fingerprint, id_masked, id_legacy, joined_at, left_at
        FROM households_members;
        DROP TABLE households_members;
        ALTER TABLE households_members_program RENAME TO households_members;
        UPDATE households_members SET left_reason = 'dossier_closed', left_at = (SELECT closed_at FROM households_dossiers d
                WHERE d.dossier_id = households_members.dossier_id)
            WHERE left_at IS NULL AND dossier_id IN (SELECT dossier_id FROM households_dossiers WHERE status = 'closed');
        CREATE INDEX households_members_dossier ON households_members (dossier_id);
        CREATE INDEX households_members_current_id ON households_members (id_fingerprint, dossier_id)
            WHERE left_at IS NULL;
        CREATE INDEX households_members_current_book ON households_members (book_fingerprint, dossier_id)
            WHERE left_at IS NULL AND book_fingerprint IS NOT NULL;
        CREATE INDEX households_members_expiry ON households_members (confirmation_valid_until)
            WHERE left_at IS NULL AND confirmation_valid_until IS NOT NULL;
        CREATE INDEX households_members_split ON households_members (left_at) WHERE left_reason = 'split';
        CREATE INDEX households_members_wish ON households_members (dossier_id) WHERE wants_split = 1 AND left_at IS NULL;

        CREATE TABLE households_customers (
            customer_code TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            address TEXT NOT NULL,
            branch TEXT NOT NULL,
            area_class TEXT NOT NULL CHECK (area_class IN ('urban', 'rural')),
            household_quarters INTEGER NOT NULL CHECK (household_quarters >= 4),
            count_since REAL NOT NULL,
            last_import INTEGER NOT NULL,
            in_export INTEGER NOT NULL DEFAULT 1,
            left_at REAL
        ) WITHOUT ROWID;
        CREATE INDEX households_customers_shared ON households_customers (branch, customer_code)
            WHERE household_quarters > 4 AND in_export = 1;

        CREATE TABLE households_imports (
            import_id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('customers', 'dossiers')),
            source TEXT NOT NULL,
            imported_by TEXT NOT NULL,
            started_at REAL NOT NULL,
            finished_at REAL,
            rows INTEGER NOT NULL DEFAULT 0,
            added INTEGER NOT NULL DEFAULT 0,
            updated INTEGER NOT NULL DEFAULT 0,
            unchanged INTEGER NOT NULL DEFAULT 0,
            departed INTEGER NOT NULL DEFAULT 0,
            rejected INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE households_import_rejections (
            import_id INTEGER NOT NULL REFERENCES households_imports (import_id),
            line INTEGER NOT NULL,
            field TEXT NOT NULL,
            code TEXT NOT NULL,
            PRIMARY KEY (import_id, line, field)
        ) WITHOUT ROWID;

        CREATE TABLE households_overrides (
            override_id INTEGER PRIMARY KEY,
            dossier_id TEXT NOT NULL REFERENCES households_dossiers (dossier_id),
            granted_by TEXT NOT NULL,
            granted_at REAL NOT NULL,
            reason TEXT NOT NULL,
            conflicts TEXT NOT NULL
        );

        CREATE TABLE households_reminders (
            member_id INTEGER NOT NULL REFERENCES households_members (member_id),
            threshold TEXT NOT NULL CHECK (threshold IN ('expiring_soon', 'expired')),
            valid_until TEXT NOT NULL,
            reminded_at REAL NOT NULL,
            sent INTEGER NOT NULL,
            PRIMARY KEY (member_id, threshold, valid_until)
        ) WITHOUT ROWID;

        CREATE TABLE households_count_changes (
            change_id TEXT PRIMARY KEY,
            dossier_id TEXT NOT NULL REFERENCES households_dossiers (dossier_id),
            previous_quarters INTEGER NOT NULL,
            new_quarters INTEGER NOT NULL,
            reason TEXT NOT NULL,
            effective_on TEXT NOT NULL,
            changed_at REAL NOT NULL
        );
        """

    /// The columns `evnctl reseal` rewrites after a key change.
    static let personalDataTables = [
        PersonalDataTable("households_members", key: "member_id", sealed: ["name_sealed", "id_sealed", "details_sealed"],
                          fingerprints: [
                              .init("id_fingerprint", from: "id_sealed"),
                              .init("book_fingerprint", from: "details_sealed") { packed in
                                  MemberSealing.Details(packed: packed).householdBook.map(MemberSealing.bookFingerprinted)
                              },
                          ]),
        PersonalDataTable("households_dossiers", key: "dossier_id", sealed: ["contact_phone_sealed"]),
        PersonalDataTable("households_attachments", key: "attachment_id", sealed: ["content_sealed"]),
        PersonalDataTable("households_customers", key: "customer_code", sealed: ["name_sealed", "address_sealed"]),
    ]
}
