import GRDB

extension CRMSchema {
    /// The migrations of signed copies, after ``registerContractTerms(in:)``'s.
    static func registerSignedCopies(in migrator: inout DatabaseMigrator) {
        // The document each signature signed, as intake sent it in `intake.signature.captured`:
        // one per request whose signature made a contract version (a connection's signing, a
        // change of holder's), with the contract and the version it made, the SHA-256 of what
        // was signed, and the document sealed (it names the holder and the address).
        // Signatures from before copies were kept have none.
        migrator.registerMigration("crm.signed-copies") { db in
            try db.execute(sql: """
                CREATE TABLE crm_signed_copies (
                    request_code TEXT PRIMARY KEY,
                    contract_number TEXT NOT NULL REFERENCES crm_contracts (contract_number),
                    contract_version INTEGER,
                    sha256 TEXT NOT NULL,
                    document_sealed BLOB NOT NULL,
                    signed_at REAL NOT NULL
                );
                CREATE INDEX crm_signed_copies_contract ON crm_signed_copies (contract_number, contract_version);
                """)
        }
    }
}
