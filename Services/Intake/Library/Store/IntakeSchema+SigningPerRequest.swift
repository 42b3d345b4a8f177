import GRDB

extension IntakeSchema {
    /// The migrations of signing sessions kept per request, after `intake.attachments`.
    static func registerSigningPerRequest(in migrator: inout DatabaseMigrator) {
        // A contract is signed again when it passes to a new holder: under the change of
        // holder's request, by the new holder's phone. Sessions are therefore kept per contract
        // and request (a service request's code, which `intake_requests` does not hold, may
        // open one), and a session keeps the signer's phone when it is not the applicant's:
        // sealed to send the code, fingerprinted to check the phone given to sign. The codes
        // issued are counted per session. Existing sessions and issues are kept.
        migrator.registerMigration("intake.signing-sessions-per-request") { db in
            try db.execute(sql: """
                CREATE TABLE intake_signing_sessions_new (
                    contract_number TEXT NOT NULL,
                    request_code TEXT NOT NULL,
                    branch TEXT NOT NULL,
                    drafted_at REAL NOT NULL,
                    code_hash TEXT NOT NULL,
                    code_issued_at REAL NOT NULL,
                    code_expires_at REAL NOT NULL,
                    failed_attempts INTEGER NOT NULL,
                    signed_at REAL,
                    contract_sealed BLOB,
                    signer_phone_sealed BLOB,
                    signer_phone_fingerprint TEXT,
                    PRIMARY KEY (contract_number, request_code)
                );
                INSERT INTO intake_signing_sessions_new (
                    contract_number, request_code, branch, drafted_at, code_hash, code_issued_at, code_expires_at,
                    failed_attempts, signed_at, contract_sealed)
                SELECT contract_number, request_code, branch, drafted_at, code_hash, code_issued_at, code_expires_at,
                       failed_attempts, signed_at, contract_sealed
                FROM intake_signing_sessions;
                CREATE TABLE intake_signing_code_issues_new (
                    contract_number TEXT NOT NULL,
                    request_code TEXT NOT NULL,
                    issued_at REAL NOT NULL,
                    FOREIGN KEY (contract_number, request_code)
                        REFERENCES intake_signing_sessions (contract_number, request_code)
                );
                INSERT INTO intake_signing_code_issues_new (contract_number, request_code, issued_at)
                SELECT issues.contract_number, sessions.request_code, issues.issued_at
                FROM intake_signing_code_issues AS issues
                JOIN intake_signing_sessions AS sessions ON sessions.contract_number = issues.contract_number;
                DROP TABLE intake_signing_code_issues;
                DROP TABLE intake_signing_sessions;
                ALTER TABLE intake_signing_sessions_new RENAME TO intake_signing_sessions;
                ALTER TABLE intake_signing_code_issues_new RENAME TO intake_signing_code_issues;
                CREATE INDEX intake_signing_sessions_request ON intake_signing_sessions (request_code, drafted_at);
                CREATE INDEX intake_signing_code_issues_session
                    ON intake_signing_code_issues (contract_number, request_code, issued_at);
                """)
        }
    }
}
