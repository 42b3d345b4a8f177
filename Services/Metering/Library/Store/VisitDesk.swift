import Contracts
import Foundation
import GRDB
import Logging
import Messaging
import ServiceKit

/// Opens the meter visits crm asks for and records what field staff find; every change and
/// the event it causes commit in one transaction.
///
/// The fee of a verification is charged only when the meter proves accurate (Electricity Law
/// 2004 art. 25.3: the party whose claim proves wrong pays); an inspection is free.
struct VisitDesk: Sendable {
    let outbox: Outbox
    /// The verification fee in VND, from the branch's published fee schedule.
    let verificationFeeVND: Int
    let logger: Logger

    /// Handles `metering.visit-meter`: one visit per request code, to the meter metering knows
    /// for the customer code (staff name it when metering does not).
    func open(_ command: VisitMeter, message: Envelope, at now: Date, in db: Database) throws {
        if let existing = try visit(requestCode: command.requestCode, in: db) {
            logger.info("visit-meter repeated; the request already has a visit",
                        metadata: .request(command.requestCode, ["visit_id": "\(existing.visitId)"]))
            return
        }
        let sequence = try Int.fetchOne(db.cachedStatement(sql: """
            SELECT COALESCE(MAX(sequence), 0) + 1 FROM metering_visits WHERE branch_code = ?
            """), arguments: [command.branchCode])!
        let id = MeterVisit.visitId(purpose: command.purpose, branchCode: command.branchCode, sequence: sequence)
        let serial = try SupplyPointLedger.schedule(customerCode: command.customerCode, in: db)?.meterSerial
        try VisitRow(command, id: id, sequence: sequence, meterSerial: serial, message: message,
                     at: now.wholeSeconds).insert(db)
        logger.info("meter visit opened", metadata: .request(command.requestCode, [
            "visit_id": "\(id)", "purpose": "\(command.purpose.rawValue)", "customer_code": "\(command.customerCode)",
            "meter_known": "\(serial != nil)",
        ]))
    }

    /// Records the result of an open visit and announces `metering.meter.visited`.
    func record(_ result: VisitResult, of visit: MeterVisit, by staffId: String, at now: Date,
                in db: Database) throws -> MeterVisited {
        let visitedAt = now.wholeSeconds
        let check = result.measurement.map { measurement in
            let accurate = abs(measurement.errorPercent) <= measurement.accuracyClass
            let chargeable = visit.purpose == .verification || visit.purpose == .independentVerification
            return MeterVisited.Check(measuredErrorPercent: measurement.errorPercent,
                                      accuracyClass: measurement.accuracyClass, accurate: accurate,
                                      feeVND: accurate && chargeable ? verificationFeeVND : 0)
        }
        try db.cachedStatement(sql: """
            UPDATE metering_visits SET status = ?, meter_serial = ?, reading_kwh = ?, measured_error_percent = ?,
                accuracy_class = ?, accurate = ?, fee_vnd = ?, findings = ?, visited_at = ?, visited_by = ?
            WHERE visit_id = ?
            """).execute(arguments: [MeterVisit.Status.done.rawValue, result.meterSerial, result.readingKWh,
                                     check?.measuredErrorPercent, check?.accuracyClass, check?.accurate, check?.feeVND,
                                     result.findings, visitedAt.timeIntervalSince1970, staffId, visit.visitId])
        let event = MeterVisited(visitId: visit.visitId, requestCode: visit.requestCode, purpose: visit.purpose,
                                 meterSerial: result.meterSerial, readingKWh: result.readingKWh, check: check,
                                 findings: result.findings, visitedAt: visitedAt)
        try outbox.send(event, cause: RecordedCause(messageId: visit.commandMessageId, traceparent: visit.traceparent),
                        correlation: visit.requestCode, at: visitedAt, in: db)
        var metadata = Logger.Metadata.request(visit.requestCode, [
            "visit_id": "\(visit.visitId)", "purpose": "\(visit.purpose.rawValue)", "serial": "\(result.meterSerial)",
            "reading_kwh": "\(result.readingKWh)", "staff_id": "\(staffId)",
        ])
        if let check {
            metadata["measured_error_percent"] = "\(check.measuredErrorPercent)"
            metadata["accurate"] = "\(check.accurate)"
            metadata["fee_vnd"] = "\(check.feeVND)"
        }
        let (logger, logged) = (logger, metadata)
        db.afterNextTransaction { _ in logger.info("meter visit recorded", metadata: logged) }
        return event
    }

    func visit(id: String, in db: Database) throws -> MeterVisit? {
        try MeterVisit.fetchOne(db.cachedStatement(sql: "SELECT * FROM metering_visits WHERE visit_id = ?"), arguments: [id])
    }

    func visit(requestCode: String, in db: Database) throws -> MeterVisit? {
        try MeterVisit.fetchOne(db.cachedStatement(sql: "SELECT * FROM metering_visits WHERE request_code = ?"), arguments: [requestCode])
    }

    /// The visits of `branchCode` (every branch's when `nil`), open ones first, oldest first;
    /// with `assignedTo`, only those that technician has now.
    func visits(branchCode: String?, assignedTo: String? = nil, in db: Database) throws -> [MeterVisit] {
        try MeterVisit.fetchAll(db.cachedStatement(sql: """
            SELECT * FROM metering_visits WHERE (?1 IS NULL OR branch_code = ?1) AND (?2 IS NULL OR assigned_to = ?2)
            ORDER BY status = 'done', requested_at, visit_id
            """), arguments: [branchCode, assignedTo])
    }
}
