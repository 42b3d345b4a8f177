import Foundation
import GRDB

/// A contract's history in `crm_contract_versions`, inside a transaction its caller holds.
enum ContractVersionStore {
    /// Appends `contractNumber`'s next version as the contract now stands (``ContractStore``
    /// changed it first, in the same transaction), and makes it the contract's current version;
    /// a change of holder's version keeps the new holder (``ContractVersion/NewHolder``).
    static func append(_ change: ContractVersion.Change, contractNumber: String, _ cause: ContractVersion.Cause,
                       holder: ContractVersion.NewHolder? = nil, in db: Database) throws {
        guard let contract = try ContractStore.contract(number: contractNumber, in: db) else { return }
        let version = (contract.version ?? 0) + 1
        try ContractVersionRow(change, of: contract, version: version, cause, holder: holder).insert(db)
        try db.cachedStatement(sql: "UPDATE crm_contracts SET version = ? WHERE contract_number = ?")
            .execute(arguments: [version, contractNumber])
    }

    /// Every version of `contractNumber`, oldest first.
    static func history(contractNumber: String, in db: Database) throws -> [ContractVersion] {
        try ContractVersion.fetchAll(
            db, sql: "SELECT * FROM crm_contract_versions WHERE contract_number = ? ORDER BY version",
            arguments: [contractNumber])
    }
}
