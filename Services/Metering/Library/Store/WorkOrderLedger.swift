import Contracts
import Foundation
import GRDB
import Messaging

/// The SQL of installation work orders (`metering_work_orders`).
enum WorkOrderLedger {
    static func order(id: String, in db: Database) throws -> WorkOrder? {
        try WorkOrder.fetchOne(db.cachedStatement(sql: "SELECT * FROM metering_work_orders WHERE work_order_id = ?"), arguments: [id])
    }

    static func order(requestCode: String, in db: Database) throws -> WorkOrder? {
        try WorkOrder.fetchOne(db.cachedStatement(sql: "SELECT * FROM metering_work_orders WHERE request_code = ?"),
                               arguments: [requestCode])
    }

    /// The orders of `branchCode` (every branch's when `nil`), newest first; with `assignedTo`,
    /// only those that technician has now.
    static func orders(branchCode: String?, assignedTo: String? = nil, in db: Database) throws -> [WorkOrder] {
        try WorkOrder.fetchAll(db.cachedStatement(sql: """
            SELECT * FROM metering_work_orders WHERE (?1 IS NULL OR branch_code = ?1) AND (?2 IS NULL OR assigned_to = ?2)
            ORDER BY requested_at DESC, work_order_id
            """), arguments: [branchCode, assignedTo])
    }

    /// The orders of a branch and phase still waiting for a meter, oldest first: first asked, first served.
    static func waiting(branchCode: String, phase: Int, in db: Database) throws -> [WorkOrder] {
        try WorkOrder.fetchAll(db.cachedStatement(sql: """
            SELECT * FROM metering_work_orders WHERE branch_code = ? AND phase = ? AND status = ?
            ORDER BY requested_at, sequence
            """), arguments: [branchCode, phase, WorkOrderStatus.awaitingMeter.rawValue])
    }

    /// Records a new order, waiting for a meter, numbered `WO-<branch>-<NNNNNN>` within its branch,
    /// with the split the command asks for, if any.
    static func insert(_ command: InstallMeter, message: Envelope, at requestedAt: Date, in db: Database) throws -> WorkOrder {
        let sequence = try Int.fetchOne(db.cachedStatement(sql: "SELECT COALESCE(MAX(sequence), 0) + 1 FROM metering_work_orders WHERE branch_code = ?"),
                                        arguments: [command.branchCode])!
        let id = "WO-\(command.branchCode)-\(String(format: "%06d", sequence))"
        try WorkOrderRow(command, id: id, sequence: sequence, message: message, at: requestedAt).insert(db)
        return try order(id: id, in: db)!
    }

    static func markOpen(_ id: String, meterSerial: String, at openedAt: Date, in db: Database) throws {
        try db.cachedStatement(sql: "UPDATE metering_work_orders SET status = ?, meter_serial = ?, opened_at = ? WHERE work_order_id = ?")
            .execute(arguments: [WorkOrderStatus.open.rawValue, meterSerial, openedAt.timeIntervalSince1970, id])
    }

    static func markCompleted(
        _ id: String, _ completion: WorkOrderCompletion, route: ReadingRoute, by staffId: String, at completedAt: Date,
        in db: Database
    ) throws {
        try db.cachedStatement(sql: """
            UPDATE metering_work_orders SET status = ?, completed_at = ?, completed_by = ?, initial_reading_kwh = ?,
                seal_numbers = ?, reading_route = ?, reading_day = ?
            WHERE work_order_id = ?
            """).execute(arguments: [WorkOrderStatus.completed.rawValue, completedAt.timeIntervalSince1970, staffId,
                                     completion.initialReadingKWh,
                                     String(decoding: try JSONCoding.encoder.encode(completion.sealNumbers), as: UTF8.self),
                                     route.route, route.readingDay, id])
    }
}
