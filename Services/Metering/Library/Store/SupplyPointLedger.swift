import Contracts
import Foundation
import GRDB

/// The customer codes metering knows a meter and reading route for (`metering_supply_points`):
/// the meter a visit goes to, and the schedule the portal shows.
enum SupplyPointLedger {
    /// Records (or moves) `customerCode` to `meterSerial` on `route`.
    static func record(customerCode: String, meterSerial: String, branchCode: String, route: ReadingRoute,
                       since: Date, in db: Database) throws {
        try SupplyPointRow(customerCode: customerCode, meterSerial: meterSerial, branchCode: branchCode,
                           readingRoute: route.route, readingDay: route.readingDay,
                           since: since.timeIntervalSince1970).insertRow(into: db)
    }

    static func schedule(customerCode: String, in db: Database) throws -> ReadingSchedule? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM metering_supply_points WHERE customer_code = ?"),
                         arguments: [customerCode]).map { row in
            ReadingSchedule(customerCode: row["customer_code"], meterSerial: row["meter_serial"],
                            branchCode: row["branch_code"], route: row["reading_route"], readingDay: row["reading_day"])
        }
    }
}
