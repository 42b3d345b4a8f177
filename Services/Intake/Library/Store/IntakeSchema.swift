import GRDB
import PersonalData
import ServiceKit

/// Intake's tables, as named migrations registered in order; never edit one once shipped.
///
/// Personal data is kept to what the service needs: ID numbers only in masked form (their full
/// values travel once, inside the `intake.request.submitted` message); the applicant's phone
/// masked for display, sealed for sending the signing code, and fingerprinted to check the phone
/// a customer gives with a request code; names, e-mail and street addresses sealed
/// (`intake.sealed-names-and-addresses`).
enum IntakeSchema {
    static func register(in migrator: inout DatabaseMigrator, personalData: PersonalDataProtector) {
        migrator.registerMigration("intake.requests") { db in
            try db.execute(sql: """
                CREATE TABLE intake_requests (
                    request_code TEXT PRIMARY KEY,
                    request_kind TEXT NOT NULL,
                    channel TEXT NOT NULL,
                    operator_id TEXT,
                    applicant_name TEXT NOT NULL,
                    applicant_id_masked TEXT NOT NULL,
                    applicant_id_legacy INTEGER NOT NULL,
                    applicant_phone_masked TEXT NOT NULL,
                    applicant_email TEXT,
                    province TEXT NOT NULL,
                    commune_code TEXT NOT NULL,
                    street TEXT NOT NULL,
                    branch_code TEXT NOT NULL,
                    area_class TEXT NOT NULL,
                    purpose TEXT NOT NULL,
                    household_count INTEGER NOT NULL,
                    extra_households TEXT NOT NULL,
                    consent_given_at REAL NOT NULL,
                    submitted_at REAL NOT NULL
                );
                CREATE INDEX intake_requests_branch ON intake_requests (branch_code, submitted_at);
                CREATE TABLE intake_daily_sequences (
                    branch_code TEXT NOT NULL,
                    day TEXT NOT NULL,
                    last_value INTEGER NOT NULL,
                    PRIMARY KEY (branch_code, day)
                );
                CREATE TABLE intake_idempotency_keys (
                    idempotency_key TEXT PRIMARY KEY,
                    body_fingerprint TEXT NOT NULL,
                    request_code TEXT NOT NULL REFERENCES intake_requests (request_code),
                    receipt TEXT NOT NULL,
                    created_at REAL NOT NULL
                );
                """)
        }
        // Tracking and signing need the phone: sealed to send the code, fingerprinted to compare.
        // Requests filed before this step have neither and cannot be tracked by phone. The branch's
        // name and hotline are kept as the customer was told them, for intake's own timeline step.
        migrator.registerMigration("intake.sealed-applicant-phone") { db in
            try db.execute(sql: """
                ALTER TABLE intake_requests ADD COLUMN applicant_phone_sealed BLOB;
                ALTER TABLE intake_requests ADD COLUMN applicant_phone_fingerprint TEXT;
                ALTER TABLE intake_requests ADD COLUMN branch_name TEXT;
                ALTER TABLE intake_requests ADD COLUMN branch_hotline TEXT;
                """)
        }
        // Keys older than the retention are forgotten; the index keeps that delete cheap.
        migrator.registerMigration("intake.idempotency-retention") { db in
            try db.execute(sql: "CREATE INDEX intake_idempotency_keys_created ON intake_idempotency_keys (created_at)")
        }
        // Wrong phones given with a request code, for refusing guessers; rows age out of the window.
        migrator.registerMigration("intake.access-failures") { db in
            try db.execute(sql: """
                CREATE TABLE intake_access_failures (
                    request_code TEXT NOT NULL,
                    failed_at REAL NOT NULL
                );
                CREATE INDEX intake_access_failures_code ON intake_access_failures (request_code, failed_at);
                CREATE INDEX intake_access_failures_age ON intake_access_failures (failed_at);
                """)
        }
        // One signing session per drafted contract; the code only as a keyed hash.
        migrator.registerMigration("intake.signing-sessions") { db in
            try db.execute(sql: """
                CREATE TABLE intake_signing_sessions (
                    contract_number TEXT PRIMARY KEY,
                    request_code TEXT NOT NULL REFERENCES intake_requests (request_code),
                    branch TEXT NOT NULL,
                    drafted_at REAL NOT NULL,
                    code_hash TEXT NOT NULL,
                    code_issued_at REAL NOT NULL,
                    code_expires_at REAL NOT NULL,
                    failed_attempts INTEGER NOT NULL,
                    signed_at REAL
                );
                CREATE INDEX intake_signing_sessions_request ON intake_signing_sessions (request_code, drafted_at);
                CREATE TABLE intake_signing_code_issues (
                    contract_number TEXT NOT NULL REFERENCES intake_signing_sessions (contract_number),
                    issued_at REAL NOT NULL
                );
                CREATE INDEX intake_signing_code_issues_contract ON intake_signing_code_issues (contract_number, issued_at);
                """)
        }
        // Outage reports: the place, the reporter's phone sealed (told when power is back), the
        // consent; their codes come from the same daily sequence as requests, so no two collide.
        migrator.registerMigration("intake.outage-reports") { db in
            try db.execute(sql: """
                CREATE TABLE intake_outage_reports (
                    report_code TEXT PRIMARY KEY,
                    channel TEXT NOT NULL,
                    operator_id TEXT,
                    branch_code TEXT NOT NULL,
                    commune_code TEXT,
                    customer_code TEXT,
                    phone_sealed BLOB NOT NULL,
                    phone_fingerprint TEXT NOT NULL,
                    phone_masked TEXT NOT NULL,
                    note TEXT,
                    consent_given_at REAL NOT NULL,
                    reported_at REAL NOT NULL
                ) WITHOUT ROWID;
                """)
        }
        // Service requests about existing supply points: the requester's phone sealed and
        // fingerprinted like an applicant's (tracking), ID numbers only masked.
        migrator.registerMigration("intake.service-requests") { db in
            try db.execute(sql: """
                CREATE TABLE intake_service_requests (
                    request_code TEXT PRIMARY KEY,
                    request_kind TEXT NOT NULL,
                    channel TEXT NOT NULL,
                    operator_id TEXT,
                    customer_code TEXT NOT NULL,
                    branch_code TEXT NOT NULL,
                    branch_name TEXT NOT NULL,
                    branch_hotline TEXT NOT NULL,
                    requester_name TEXT NOT NULL,
                    requester_id_masked TEXT NOT NULL,
                    phone_masked TEXT NOT NULL,
                    phone_sealed BLOB NOT NULL,
                    phone_fingerprint TEXT NOT NULL,
                    email TEXT,
                    consent_given_at REAL NOT NULL,
                    submitted_at REAL NOT NULL
                ) WITHOUT ROWID;
                CREATE INDEX intake_service_requests_customer ON intake_service_requests (customer_code, submitted_at);
                """)
        }
        // The call-centre console finds a caller's requests by the phone's fingerprint.
        migrator.registerMigration("intake.caller-lookup") { db in
            try db.execute(sql: """
                CREATE INDEX intake_requests_phone ON intake_requests (applicant_phone_fingerprint);
                CREATE INDEX intake_service_requests_phone ON intake_service_requests (phone_fingerprint);
                """)
        }
        // Names, e-mail and street addresses were kept in plain text: sealed into `<column>_sealed`
        // (the extra households' list too, as it holds their names), the plain columns dropped.
        migrator.registerSealing("intake.sealed-names-and-addresses", table: "intake_requests", key: "request_code",
                                 columns: ["applicant_name", "applicant_email", "street", "extra_households"],
                                 with: personalData)
        migrator.registerSealing("intake.sealed-requester-names-and-emails", table: "intake_service_requests",
                                 key: "request_code", columns: ["requester_name", "email"], with: personalData)
        // Wrong phones are counted per request code and client, so nobody closes a request
        // to its applicant by guessing from another address. Earlier rows count for no client.
        migrator.registerMigration("intake.access-failures-by-client") { db in
            try db.execute(sql: """
                ALTER TABLE intake_access_failures ADD COLUMN client TEXT NOT NULL DEFAULT '';
                DROP INDEX intake_access_failures_code;
                CREATE INDEX intake_access_failures_code_client ON intake_access_failures (request_code, client, failed_at);
                """)
        }
        // The texts anonymous filings caused to each unconfirmed phone, and the confirmed phones
        // (PhoneMessageBudget); phones only as fingerprints.
        migrator.registerMigration("intake.phone-message-budget") { db in
            try db.execute(sql: """
                CREATE TABLE intake_phone_messages (
                    phone_fingerprint TEXT NOT NULL,
                    sent_at REAL NOT NULL
                );
                CREATE INDEX intake_phone_messages_phone ON intake_phone_messages (phone_fingerprint, sent_at);
                CREATE INDEX intake_phone_messages_age ON intake_phone_messages (sent_at);
                CREATE TABLE intake_confirmed_phones (
                    phone_fingerprint TEXT PRIMARY KEY,
                    confirmed_at REAL NOT NULL,
                    confirmed_by TEXT NOT NULL
                ) WITHOUT ROWID;
                """)
        }
        // A key names a service request's filing too, whose code is not in intake_requests: the
        // ledger keeps the code without the reference. SQLite cannot drop a reference in place.
        migrator.registerMigration("intake.idempotency-any-filing") { db in
            try db.execute(sql: """
                CREATE TABLE intake_idempotency_keys_any (
                    idempotency_key TEXT PRIMARY KEY,
                    body_fingerprint TEXT NOT NULL,
                    request_code TEXT NOT NULL,
                    receipt TEXT NOT NULL,
                    created_at REAL NOT NULL
                );
                INSERT INTO intake_idempotency_keys_any (idempotency_key, body_fingerprint, request_code, receipt, created_at)
                    SELECT idempotency_key, body_fingerprint, request_code, receipt, created_at FROM intake_idempotency_keys;
                DROP TABLE intake_idempotency_keys;
                ALTER TABLE intake_idempotency_keys_any RENAME TO intake_idempotency_keys;
                CREATE INDEX intake_idempotency_keys_created ON intake_idempotency_keys (created_at);
                """)
        }
        // The drafted contract the customer reads before signing, sealed (it names the holder and
        // the street). Sessions opened before this step have none: the branch shows the contract.
        migrator.registerMigration("intake.drafted-contract") { db in
            try db.execute(sql: "ALTER TABLE intake_signing_sessions ADD COLUMN contract_sealed BLOB")
        }
        // Messages customers texted to the short code, by the gateway's id: a retried callback
        // is answered once. The sender only as its keyed fingerprint; `sent_at` is when the
        // gateway says it got the message, `received_at` when intake did; rows age out after 30 days.
        migrator.registerMigration("intake.inbound-sms") { db in
            try db.execute(sql: """
                CREATE TABLE intake_inbound_sms (
                    message_id TEXT PRIMARY KEY,
                    sender_fingerprint TEXT NOT NULL,
                    sent_at REAL,
                    received_at REAL NOT NULL,
                    answered_at REAL
                ) WITHOUT ROWID;
                CREATE INDEX intake_inbound_sms_received ON intake_inbound_sms (received_at);
                """)
        }
        // The call-centre console lists a caller's recent outage reports by phone or customer code.
        migrator.registerMigration("intake.outage-reports-by-caller") { db in
            try db.execute(sql: """
                CREATE INDEX intake_outage_reports_phone ON intake_outage_reports (phone_fingerprint, reported_at);
                CREATE INDEX intake_outage_reports_customer ON intake_outage_reports (customer_code, reported_at);
                """)
        }
        // The customer-care mailbox's mail filed as inquiries, by the mailbox's UIDVALIDITY and UID:
        // a mail is filed once across restarts. The sender only as its keyed fingerprint, to count
        // the automatic answers it got; the Message-ID, code and branch to file a later mail of the
        // thread under the same inquiry.
        migrator.registerMigration("intake.inbound-mail") { db in
            try db.execute(sql: """
                CREATE TABLE intake_inbound_mail (
                    uid_validity INTEGER NOT NULL,
                    uid INTEGER NOT NULL,
                    message_id TEXT,
                    request_code TEXT NOT NULL,
                    branch_code TEXT NOT NULL,
                    branch_name TEXT NOT NULL,
                    branch_hotline TEXT NOT NULL,
                    sender_fingerprint TEXT,
                    received_at REAL NOT NULL,
                    answered INTEGER NOT NULL,
                    PRIMARY KEY (uid_validity, uid)
                ) WITHOUT ROWID;
                CREATE INDEX intake_inbound_mail_message ON intake_inbound_mail (message_id);
                CREATE INDEX intake_inbound_mail_sender ON intake_inbound_mail (sender_fingerprint, received_at);
                """)
        }
        // The papers attached to requests (photos and scans of ID cards, household books,
        // residence confirmations; the files of customers' mail), sealed: a file is personal data.
        // The branch is kept beside it, so a download is checked against the officer's unit
        // without reading the request.
        migrator.registerMigration("intake.attachments") { db in
            try db.execute(sql: """
                CREATE TABLE intake_attachments (
                    attachment_id TEXT PRIMARY KEY,
                    request_code TEXT NOT NULL,
                    branch_code TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    content_type TEXT NOT NULL,
                    byte_count INTEGER NOT NULL,
                    channel TEXT NOT NULL,
                    content_sealed BLOB NOT NULL,
                    added_at REAL NOT NULL
                );
                CREATE INDEX intake_attachments_request ON intake_attachments (request_code, added_at);
                """)
        }
        registerSigningPerRequest(in: &migrator)
        registerSignedCopies(in: &migrator)
    }

    /// The columns `evnctl reseal` rewrites after a key change. A signing code's keyed hash is
    /// left: its code expires within minutes, and matches under the previous key until then.
    static let personalDataTables = [
        PersonalDataTable("intake_requests", key: "request_code",
                          sealed: ["applicant_name_sealed", "applicant_email_sealed", "street_sealed",
                                   "extra_households_sealed", "applicant_phone_sealed"],
                          fingerprints: [.init("applicant_phone_fingerprint", from: "applicant_phone_sealed")]),
        PersonalDataTable("intake_service_requests", key: "request_code",
                          sealed: ["requester_name_sealed", "email_sealed", "phone_sealed"],
                          fingerprints: [.init("phone_fingerprint", from: "phone_sealed")]),
        PersonalDataTable("intake_signing_sessions", key: "rowid", sealed: ["contract_sealed", "signer_phone_sealed", "signed_copy_sealed"],
                          fingerprints: [.init("signer_phone_fingerprint", from: "signer_phone_sealed")]),
        PersonalDataTable("intake_outage_reports", key: "report_code", sealed: ["phone_sealed"],
                          fingerprints: [.init("phone_fingerprint", from: "phone_sealed")]),
        PersonalDataTable("intake_attachments", key: "attachment_id", sealed: ["content_sealed"]),
    ]
}
