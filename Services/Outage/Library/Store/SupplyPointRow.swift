import Foundation
import GRDB
import Messaging

/// A supply point as `outage_supply_points` keeps it, from the billing system's export or from
/// a signed contract: the phone sealed and masked, dated in seconds since 1970.
///
/// A ``ColumnRecord``: an export brings a branch's every customer at once, and each source
/// writes the row with its own upsert (``insertSQL`` for the export,
/// ``signedContractSQL`` for a contract), which ``SupplyPointRegistry`` explains.
struct SupplyPointRow: ColumnRecord {
    static let databaseTableName = "outage_supply_points"
    /// The export's row replaces one of the same branch not recorded from a contract.
    static let insertSQL = makeInsertSQL() + """
         ON CONFLICT (customer_code) DO UPDATE SET branch_code = excluded.branch_code,
            commune_code = excluded.commune_code, station_code = excluded.station_code,
            phone_sealed = excluded.phone_sealed, phone_masked = excluded.phone_masked,
            imported_at = excluded.imported_at
        WHERE outage_supply_points.branch_code = excluded.branch_code
            AND outage_supply_points.contract_number IS NULL
        """
    /// The contract's row replaces one of the same branch exported or signed before it.
    static let signedContractSQL = makeInsertSQL() + """
         ON CONFLICT (customer_code) DO UPDATE SET commune_code = excluded.commune_code,
            phone_sealed = excluded.phone_sealed, phone_masked = excluded.phone_masked,
            imported_at = excluded.imported_at, contract_number = excluded.contract_number
        WHERE outage_supply_points.branch_code = excluded.branch_code
            AND (outage_supply_points.contract_number IS NULL
                 OR outage_supply_points.imported_at < excluded.imported_at)
        """

    var customerCode: String
    var branchCode: String
    var communeCode: String
    /// The transformer station, which only the billing system knows.
    var stationCode: String?
    var phoneSealed: Data?
    var phoneMasked: String?
    /// When the export was imported, or the contract signed.
    var importedAt: Double
    /// The signed contract the row was recorded from; nil for the export's rows.
    var contractNumber: String?

    enum ColumnName: String, CodingKey, CaseIterable {
        case customerCode = "customer_code", branchCode = "branch_code", communeCode = "commune_code"
        case stationCode = "station_code", phoneSealed = "phone_sealed", phoneMasked = "phone_masked"
        case importedAt = "imported_at", contractNumber = "contract_number"
    }

    subscript(_ column: ColumnName) -> (any DatabaseValueConvertible)? {
        switch column {
        case .customerCode: customerCode
        case .branchCode: branchCode
        case .communeCode: communeCode
        case .stationCode: stationCode
        case .phoneSealed: phoneSealed
        case .phoneMasked: phoneMasked
        case .importedAt: importedAt
        case .contractNumber: contractNumber
        }
    }
}
