import Foundation
import GRDB

/// A contract's history in `crm_contract_versions`, inside a transaction its caller holds.
enum ContractVersionStore {
    /// Appends `contractNumber`'s next version as the contract now stands (``ContractStore``
    /// changed it first, in the same transaction), and makes it the contract's current version.
    static func append(_ change: ContractVersion.Change, contractNumber: String, _ cause: ContractVersion.Cause,
                       in db: Database) throws {
        guard let contract = try ContractStore.contract(number: contractNumber, in: db) else { return }
        let version = (contract.version ?? 0) + 1
        try db.execute(sql: """
            INSERT INTO crm_contract_versions (contract_number, version, change, status, tariff_group,
                household_quarters, ends_on, effective_on, cause, recorded_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [contractNumber, version, change.rawValue, contract.status.rawValue, contract.tariffGroup,
                             contract.households.quarters, contract.endsOn?.description,
                             cause.effectiveOn.description, cause.source,
                             cause.recordedAt.timeIntervalSince1970])
        try db.execute(sql: "UPDATE crm_contracts SET version = ? WHERE contract_number = ?",
                       arguments: [version, contractNumber])
    }

    /// Every version of `contractNumber`, oldest first.
    static func history(contractNumber: String, in db: Database) throws -> [ContractVersion] {
        try ContractVersion.fetchAll(
            db, sql: "SELECT * FROM crm_contract_versions WHERE contract_number = ? ORDER BY version",
            arguments: [contractNumber])
    }
}
