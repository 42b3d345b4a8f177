import Foundation
import GRDB
import Messaging

/// A billing customer as `households_customers` keeps it when an import first sees it: name
/// and address sealed, seen by import `lastImport`. Later imports change the row column by
/// column (``CustomerLedger``).
///
/// A ``ColumnRecord``: an import writes hundreds of thousands of them, so its insert is one
/// cached statement; it does nothing when the customer is already there (`INSERT OR IGNORE`),
/// which is how ``CustomerLedger`` tells a new customer from a known one.
struct CustomerRow: ColumnRecord {
    static let databaseTableName = "households_customers"
    static let insertSQL = makeInsertSQL(or: .ignore)

    var customerCode: String
    var nameSealed: Data
    var addressSealed: Data
    var branch: String
    var areaClass: String
    var householdQuarters: Int
    /// Since when the customer is billed with `householdQuarters`, in seconds since 1970.
    var countSince: Double
    var lastImport: Int64

    enum ColumnName: String, CodingKey, CaseIterable {
        case customerCode = "customer_code", nameSealed = "name_sealed", addressSealed = "address_sealed", branch
        case areaClass = "area_class", householdQuarters = "household_quarters", countSince = "count_since"
        case lastImport = "last_import"
    }

    subscript(_ column: ColumnName) -> (any DatabaseValueConvertible)? {
        switch column {
        case .customerCode: customerCode
        case .nameSealed: nameSealed
        case .addressSealed: addressSealed
        case .branch: branch
        case .areaClass: areaClass
        case .householdQuarters: householdQuarters
        case .countSince: countSince
        case .lastImport: lastImport
        }
    }
}
