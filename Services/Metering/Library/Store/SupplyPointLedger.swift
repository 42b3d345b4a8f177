import Contracts
import Foundation
import GRDB

/// The customer codes metering knows a meter and reading route for (`metering_supply_points`):
/// the meter a visit goes to, and the schedule the portal shows.
enum SupplyPointLedger {
    /// Records (or moves) `customerCode` to `meterSerial` on `route`.
    static func record(customerCode: String, meterSerial: String, branchCode: String, route: ReadingRoute,
                       since: Date, in db: Database) throws {
        try db.execute(sql: """
            INSERT INTO metering_supply_points (customer_code, meter_serial, branch_code, reading_route, reading_day, since)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (customer_code) DO UPDATE SET meter_serial = excluded.meter_serial,
                branch_code = excluded.branch_code, reading_route = excluded.reading_route,
                reading_day = excluded.reading_day, since = excluded.since
            """, arguments: [customerCode, meterSerial, branchCode, route.route, route.readingDay,
                             since.timeIntervalSince1970])
    }

    static func schedule(customerCode: String, in db: Database) throws -> ReadingSchedule? {
        try Row.fetchOne(db, sql: "SELECT * FROM metering_supply_points WHERE customer_code = ?",
                         arguments: [customerCode]).map { row in
            ReadingSchedule(customerCode: row["customer_code"], meterSerial: row["meter_serial"],
                            branchCode: row["branch_code"], route: row["reading_route"], readingDay: row["reading_day"])
        }
    }
}
