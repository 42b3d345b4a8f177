import Foundation
import GRDB

/// Reads and changes `crm_amendments`, inside a transaction its caller holds.
enum AmendmentStore {
    static func insert(_ amendment: ContractAmendment, in db: Database) throws {
        try AmendmentRow(amendment).insert(db)
    }

    static func amendment(ticketId: String, in db: Database) throws -> ContractAmendment? {
        try ContractAmendment.fetchOne(db.cachedStatement(sql: "SELECT * FROM crm_amendments WHERE ticket_id = ?"),
                                       arguments: [ticketId])
    }

    /// Whether a ticket exists for households' change `changeId`.
    static func exists(changeId: String, in db: Database) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM crm_amendments WHERE change_id = ?)"),
                          arguments: [changeId]) ?? false
    }

    /// Amendments sorted by due date (then ticket id), of one unit or of all (`unit` nil).
    static func amendments(unit: String?, in db: Database) throws -> [ContractAmendment] {
        if let unit {
            return try ContractAmendment.fetchAll(
                db.cachedStatement(sql: "SELECT * FROM crm_amendments WHERE unit = ? ORDER BY due_date, ticket_id"),
                arguments: [unit])
        }
        return try ContractAmendment.fetchAll(db.cachedStatement(sql: "SELECT * FROM crm_amendments ORDER BY due_date, ticket_id"))
    }

    /// Whether an amendment of a change made after `changedAt` already set `contractNumber`'s
    /// count, so that closing an older ticket late does not undo a newer count.
    static func laterChangeApplied(contractNumber: String, after changedAt: Date, in db: Database) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: """
            SELECT EXISTS (SELECT 1 FROM crm_amendments
                           WHERE contract_number = ? AND changed_at > ? AND contract_updated = 1)
            """), arguments: [contractNumber, changedAt.timeIntervalSince1970]) ?? false
    }

    static func close(_ closure: ContractAmendment.Closure, ticketId: String, in db: Database) throws {
        try db.cachedStatement(sql: """
            UPDATE crm_amendments SET status = ?, staff_id = ?, note = ?, contract_updated = ?, working_days_taken = ?,
                sla_outcome = ?, closed_at = ?
            WHERE ticket_id = ?
            """).execute(arguments: [TicketStatus.closed.rawValue, closure.staffId, closure.note, closure.contractUpdated,
                                     closure.verdict.workingDaysTaken, closure.verdict.outcome.rawValue,
                                     closure.closedAt.timeIntervalSince1970, ticketId])
    }
}
