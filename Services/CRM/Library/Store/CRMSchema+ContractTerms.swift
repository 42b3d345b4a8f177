import GRDB

extension CRMSchema {
    /// The migrations of contracts' terms, after ``registerContractVersions(in:)``'s.
    static func registerContractTerms(in migrator: inout DatabaseMigrator) {
        // A connection request may ask for a fixed term (`term_months`, none for an open-ended
        // contract); its contract keeps the term and the day it ends (`ends_on`, `YYYY-MM-DD`,
        // set on signing and moved by each renewal), and every version the end it had then.
        // Contracts and requests from before terms stay open-ended.
        migrator.registerMigration("crm.contract-terms") { db in
            try db.execute(sql: """
                ALTER TABLE crm_tickets ADD COLUMN term_months INTEGER;
                ALTER TABLE crm_contracts ADD COLUMN term_months INTEGER;
                ALTER TABLE crm_contracts ADD COLUMN ends_on TEXT;
                ALTER TABLE crm_contract_versions ADD COLUMN ends_on TEXT;
                """)
        }
    }
}
