import GRDB

extension IntakeSchema {
    /// The migrations of signed copies, after ``registerSigningPerRequest(in:)``'s.
    static func registerSignedCopies(in migrator: inout DatabaseMigrator) {
        // A signed session keeps the document its signer signed, sealed (it names the holder
        // and the address), and the document's SHA-256, to give the same bytes back to the
        // customer. Sessions signed before copies were kept have neither.
        migrator.registerMigration("intake.signed-copies") { db in
            try db.execute(sql: """
                ALTER TABLE intake_signing_sessions ADD COLUMN signed_copy_sealed BLOB;
                ALTER TABLE intake_signing_sessions ADD COLUMN signed_copy_sha256 TEXT;
                """)
        }
    }
}
