import Contracts
import Foundation
import GRDB
import Logging
import Messaging
import ServiceKit

/// Keeps the planned-outage schedule and tells every reachable supply point of the communes
/// cut off, at creation, at each change and at cancellation; each change and its notices
/// commit in one transaction.
///
/// A change is told to the supply points of the old communes and of the new ones, so a
/// customer whose area left the outage hears it too. Notice ids carry the revision, so each
/// customer hears each revision once.
struct PlannedOutageDesk: Sendable {
    /// How a change ended.
    enum Outcome: Sendable {
        case done(PlannedOutage, notified: Int)
        case notFound
        case cancelled
    }

    let outbox: Outbox
    let registry: SupplyPointRegistry
    let logger: Logger

    func create(_ outage: PlannedOutageRules.Checked, by staffId: String, at now: Date, in db: Database) throws -> Outcome {
        let id = try OutageSequence.nextPlannedOutageId(branchCode: outage.branch.code, in: db)
        try PlannedOutageRow(outage, id: id, by: staffId, at: now).insert(db)
        try replaceAreas(of: id, with: outage.communeCodes, in: db)
        let planned = try PlannedOutageReader.outage(id, in: db)!
        return .done(planned, notified: try announce(planned, .plannedScheduled, to: outage.communeCodes, by: staffId,
                                                     at: now, in: db))
    }

    func change(
        _ id: String, to outage: PlannedOutageRules.Checked, by staffId: String, at now: Date, in db: Database
    ) throws -> Outcome {
        guard let current = try PlannedOutageReader.outage(id, in: db) else { return .notFound }
        guard current.status == .scheduled else { return .cancelled }
        try db.cachedStatement(sql: """
            UPDATE outage_planned SET location = ?, reason = ?, starts_at = ?, ends_at = ?,
                urgent_reason = COALESCE(?, urgent_reason), revision = revision + 1, updated_at = ?, updated_by = ?
            WHERE planned_outage_id = ?
            """).execute(arguments: [
                outage.location, outage.reason, outage.startsAt.timeIntervalSince1970, outage.endsAt.timeIntervalSince1970,
                outage.urgentReason, now.timeIntervalSince1970, staffId, id,
            ])
        try replaceAreas(of: id, with: outage.communeCodes, in: db)
        let changed = try PlannedOutageReader.outage(id, in: db)!
        let told = current.communeCodes + outage.communeCodes.filter { !current.communeCodes.contains($0) }
        return .done(changed, notified: try announce(changed, .plannedChanged, to: told, by: staffId, at: now, in: db))
    }

    func cancel(_ id: String, reason: String, by staffId: String, at now: Date, in db: Database) throws -> Outcome {
        guard let current = try PlannedOutageReader.outage(id, in: db) else { return .notFound }
        guard current.status == .scheduled else { return .cancelled }
        try db.cachedStatement(sql: """
            UPDATE outage_planned SET status = 'cancelled', cancellation_reason = ?, revision = revision + 1,
                updated_at = ?, updated_by = ?
            WHERE planned_outage_id = ?
            """).execute(arguments: [reason, now.timeIntervalSince1970, staffId, id])
        let cancelled = try PlannedOutageReader.outage(id, in: db)!
        return .done(cancelled, notified: try announce(cancelled, .plannedCancelled, to: current.communeCodes,
                                                       reason: reason, by: staffId, at: now, in: db))
    }

    private func replaceAreas(of id: String, with communeCodes: [String], in db: Database) throws {
        try db.cachedStatement(sql: "DELETE FROM outage_planned_areas WHERE planned_outage_id = ?").execute(arguments: [id])
        for code in communeCodes {
            try db.cachedStatement(sql: "INSERT INTO outage_planned_areas (commune_code, planned_outage_id) VALUES (?, ?)")
                .execute(arguments: [code, id])
        }
    }

    /// One notice per reachable supply point of `communeCodes`; the number asked for. `reason`
    /// replaces the outage's own (a cancellation tells why it is called off).
    private func announce(
        _ outage: PlannedOutage, _ notice: SendOutageNotice.Notice, to communeCodes: [String], reason: String? = nil,
        by staffId: String, at now: Date, in db: Database
    ) throws -> Int {
        let issuedAt = now.wholeSeconds
        let customers = try registry.reachable(branchCode: outage.branch.code, communeCodes: communeCodes, in: db)
        for customer in customers {
            try outbox.send(SendOutageNotice(
                noticeId: "\(outage.plannedOutageId)-r\(outage.revision)-\(customer.customerCode)", notice: notice,
                reference: outage.plannedOutageId, phone: customer.phone, branch: outage.branch,
                location: outage.location, reason: reason ?? outage.reason, startsAt: outage.startsAt, endsAt: outage.endsAt,
                issuedAt: issuedAt), correlation: outage.plannedOutageId, at: issuedAt, in: db)
        }
        logger.notice("planned outage announced", metadata: [
            "planned_outage_id": "\(outage.plannedOutageId)", "notice": "\(notice.rawValue)",
            "revision": "\(outage.revision)", "customers": "\(customers.count)", "staff_id": "\(staffId)",
        ])
        return customers.count
    }
}
