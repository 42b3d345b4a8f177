import Foundation
import GRDB
import Messaging

/// A dossier's row (`households_dossiers`) as it is opened; closing and recounting change it
/// later, column by column.
struct DossierRecord: Codable, FetchableRecord, ColumnRecord {
    static let databaseTableName = "households_dossiers"
    static let insertSQL = makeInsertSQL()

    var dossierId: String
    var unit: String
    /// The dossier's number within its unit, the last digits of `dossierId`.
    var sequence: Int
    var customerCode: String
    var meterSerial: String?
    var contractNumber: String?
    var requestCode: String?
    var origin: String
    var status: String
    /// Whole seconds since 1970, as every time the store keeps.
    var openedAt: Double
    var openedBy: String
    var contactPhoneSealed: Data?
    var contactPhoneMasked: String?
    /// The households the meter is billed for, in quarters; a new dossier starts at one household.
    var effectiveQuarters: Int
    var quartersSince: Double

    enum CodingKeys: String, CodingKey, CaseIterable {
        case dossierId = "dossier_id", unit, sequence, customerCode = "customer_code", meterSerial = "meter_serial"
        case contractNumber = "contract_number", requestCode = "request_code", origin, status
        case openedAt = "opened_at", openedBy = "opened_by", contactPhoneSealed = "contact_phone_sealed"
        case contactPhoneMasked = "contact_phone_masked", effectiveQuarters = "effective_quarters"
        case quartersSince = "quarters_since"
    }

    subscript(_ column: CodingKeys) -> (any DatabaseValueConvertible)? {
        switch column {
        case .dossierId: dossierId
        case .unit: unit
        case .sequence: sequence
        case .customerCode: customerCode
        case .meterSerial: meterSerial
        case .contractNumber: contractNumber
        case .requestCode: requestCode
        case .origin: origin
        case .status: status
        case .openedAt: openedAt
        case .openedBy: openedBy
        case .contactPhoneSealed: contactPhoneSealed
        case .contactPhoneMasked: contactPhoneMasked
        case .effectiveQuarters: effectiveQuarters
        case .quartersSince: quartersSince
        }
    }
}
