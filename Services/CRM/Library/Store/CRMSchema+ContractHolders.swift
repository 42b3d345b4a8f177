import GRDB

extension CRMSchema {
    /// The migrations of contracts' holders, after ``registerContractVersions(in:)``'s.
    static func registerContractHolders(in migrator: inout DatabaseMigrator) {
        // A change of holder's version keeps who took the contract over: their name and ID
        // number sealed, and the ID number masked as the history shows it. Other versions
        // keep the holder they had, so both stay empty on them.
        migrator.registerMigration("crm.contract-version-holders") { db in
            try db.execute(sql: """
                ALTER TABLE crm_contract_versions ADD COLUMN holder_sealed BLOB;
                ALTER TABLE crm_contract_versions ADD COLUMN holder_id_masked TEXT;
                """)
        }
    }
}
