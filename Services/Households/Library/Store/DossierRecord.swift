import Foundation
import GRDB

/// A dossier's row (`households_dossiers`) as it is opened; closing and recounting change it
/// later, column by column.
struct DossierRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "households_dossiers"

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

    /// The columns, bound directly: an import opens dossiers by the hundred thousand, and the
    /// synthesized `Encodable` path costs more per row than the insert itself.
    func encode(to container: inout PersistenceContainer) {
        container[CodingKeys.dossierId.rawValue] = dossierId
        container[CodingKeys.unit.rawValue] = unit
        container[CodingKeys.sequence.rawValue] = sequence
        container[CodingKeys.customerCode.rawValue] = customerCode
        container[CodingKeys.meterSerial.rawValue] = meterSerial
        container[CodingKeys.contractNumber.rawValue] = contractNumber
        container[CodingKeys.requestCode.rawValue] = requestCode
        container[CodingKeys.origin.rawValue] = origin
        container[CodingKeys.status.rawValue] = status
        container[CodingKeys.openedAt.rawValue] = openedAt
        container[CodingKeys.openedBy.rawValue] = openedBy
        container[CodingKeys.contactPhoneSealed.rawValue] = contactPhoneSealed
        container[CodingKeys.contactPhoneMasked.rawValue] = contactPhoneMasked
        container[CodingKeys.effectiveQuarters.rawValue] = effectiveQuarters
        container[CodingKeys.quartersSince.rawValue] = quartersSince
    }

    enum CodingKeys: String, CodingKey {
        case dossierId = "dossier_id", unit, sequence, customerCode = "customer_code", meterSerial = "meter_serial"
        case contractNumber = "contract_number", requestCode = "request_code", origin, status
        case openedAt = "opened_at", openedBy = "opened_by", contactPhoneSealed = "contact_phone_sealed"
        case contactPhoneMasked = "contact_phone_masked", effectiveQuarters = "effective_quarters"
        case quartersSince = "quarters_since"
    }
}
