import Foundation
import GRDB
import Messaging

/// A contract as `crm_contracts` keeps it when it is drafted. Signing, amendments and
/// termination change the row later, column by column (``ContractStore``).
struct ContractRow: SnakeCaseRecord {
    static let databaseTableName = "crm_contracts"

    var contractNumber: String
    var requestCode: String
    var customerCode: String
    var meterSerial: String
    var tariffGroup: String
    var householdCount: Int
    var householdQuarters: Int
    /// The fixed term the request asked for, in months; nil for an open-ended contract.
    var termMonths: Int?
    var status: String
    var draftedAt: Date

    init(_ contract: Contract) {
        contractNumber = contract.contractNumber
        requestCode = contract.requestCode
        customerCode = contract.customerCode
        meterSerial = contract.meterSerial
        tariffGroup = contract.tariffGroup
        householdCount = contract.householdCount
        householdQuarters = contract.households.quarters
        termMonths = contract.term?.months
        status = contract.status.rawValue
        draftedAt = contract.draftedAt
    }
}
