import Contracts
import Foundation
import GRDB
import WorkingCalendar

/// The SQL of a branch's meter stock (`metering_meters`).
enum MeterShelf {
    /// Records a received meter; `false` when a meter with this serial is already known.
    static func receive(_ meter: ReceivedMeter, by staffId: String, at receivedAt: Date, in db: Database) throws -> Bool {
        guard try !Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM metering_meters WHERE serial = ?)"),
                                 arguments: [meter.serial])! else { return false }
        try MeterRow(meter, by: staffId, at: receivedAt).insert(db)
        return true
    }

    /// One meter, as the stock list shows it.
    static func meter(serial: String, today: CalendarDay, in db: Database) throws -> StockedMeter? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM metering_meters WHERE serial = ?"), arguments: [serial])
            .map { StockedMeter(row: $0, today: today) }
    }

    /// Every meter of `branchCode` (every branch's when `nil`), by branch and serial.
    static func list(branchCode: String?, today: CalendarDay, in db: Database) throws -> [StockedMeter] {
        let rows = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT * FROM metering_meters WHERE ?1 IS NULL OR branch_code = ?1 ORDER BY branch_code, serial
            """), arguments: [branchCode])
        return rows.map { StockedMeter(row: $0, today: today) }
    }

    /// Reserves for `workOrderId` the in-stock meter of the branch and phase whose verification
    /// covers every day from `today` to `installBy`, taking the one that expires soonest so the
    /// stock rotates; `nil` when there is none.
    static func reserve(
        branchCode: String, phase: Int, today: CalendarDay, installBy: CalendarDay, for workOrderId: String,
        in db: Database
    ) throws -> String? {
        guard let serial = try String.fetchOne(db.cachedStatement(sql: """
            SELECT serial FROM metering_meters
            WHERE branch_code = ? AND phase = ? AND status = ? AND verified_on <= ? AND valid_until >= ?
            ORDER BY valid_until, received_at, serial LIMIT 1
            """), arguments: [branchCode, phase, MeterStatus.inStock.rawValue, today.description, installBy.description])
        else { return nil }
        try db.cachedStatement(sql: "UPDATE metering_meters SET status = ?, work_order_id = ? WHERE serial = ?")
            .execute(arguments: [MeterStatus.reserved.rawValue, workOrderId, serial])
        return serial
    }

    /// Marks the meter reserved for a work order as installed.
    static func install(_ serial: String, in db: Database) throws {
        try db.cachedStatement(sql: "UPDATE metering_meters SET status = ? WHERE serial = ?")
            .execute(arguments: [MeterStatus.installed.rawValue, serial])
    }
}
