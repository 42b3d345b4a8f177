import Foundation
import GRDB
import Messaging

/// A customer code's meter and reading route as `metering_supply_points` keeps it; recording
/// the code again (a meter replaced, a route moved) replaces the whole row.
///
/// A ``ColumnRecord`` so that its insert can be the upsert that replacement needs.
struct SupplyPointRow: ColumnRecord {
    static let databaseTableName = "metering_supply_points"
    static let insertSQL = makeUpsertSQL(key: .customerCode)

    var customerCode: String
    var meterSerial: String
    var branchCode: String
    var readingRoute: String
    var readingDay: Int
    /// Seconds since 1970: since when the code has this meter on this route.
    var since: Double

    enum ColumnName: String, CodingKey, CaseIterable {
        case customerCode = "customer_code", meterSerial = "meter_serial", branchCode = "branch_code"
        case readingRoute = "reading_route", readingDay = "reading_day", since
    }

    subscript(_ column: ColumnName) -> (any DatabaseValueConvertible)? {
        switch column {
        case .customerCode: customerCode
        case .meterSerial: meterSerial
        case .branchCode: branchCode
        case .readingRoute: readingRoute
        case .readingDay: readingDay
        case .since: since
        }
    }
}
