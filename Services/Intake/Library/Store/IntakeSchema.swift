import GRDB

/// Intake's tables, as named migrations registered in order; never edit one once shipped.
///
/// Personal data is kept to what staff screens need: ID numbers and phone numbers only in
/// masked form. The full values travel once, inside the `intake.request.submitted` message.
enum IntakeSchema {
    static func register(in migrator: inout DatabaseMigrator) {
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
    }
}
