import Foundation
import GRDB
import Messaging

/// One version of a contract as `crm_contract_versions` keeps it: the contract as it stood
/// after the change, from which day, and what caused it. Versions are never changed.
struct ContractVersionRow: SnakeCaseRecord {
    static let databaseTableName = "crm_contract_versions"

    var contractNumber: String
    var version: Int
    var change: String
    var status: String
    var tariffGroup: String
    var householdQuarters: Int
    /// The last day the contract is in force under this version (`YYYY-MM-DD`); nil when open-ended.
    var endsOn: String?
    /// `YYYY-MM-DD`.
    var effectiveOn: String
    /// What caused the change: the message or the staff action.
    var cause: String
    var recordedAt: Date
    /// A change of holder's new holder, sealed (``ContractVersion/NewHolder``); nil for other changes.
    var holderSealed: Data?
    var holderIdMasked: String?

    init(_ change: ContractVersion.Change, of contract: Contract, version: Int, _ cause: ContractVersion.Cause,
         holder: ContractVersion.NewHolder?) {
        contractNumber = contract.contractNumber
        self.version = version
        self.change = change.rawValue
        status = contract.status.rawValue
        tariffGroup = contract.tariffGroup
        householdQuarters = contract.households.quarters
        endsOn = contract.endsOn?.description
        effectiveOn = cause.effectiveOn.description
        self.cause = cause.source
        recordedAt = cause.recordedAt
        holderSealed = holder?.sealed
        holderIdMasked = holder?.idMasked
    }
}
