import Foundation
import GRDB

/// Reads and writes `crm_assignments`, inside a transaction its caller holds.
enum AssignmentStore {
    /// Records `assignment`; returns its number (`seq`), which no other assignment has.
    @discardableResult
    static func record(_ assignment: Assignment, in db: Database) throws -> Int64 {
        try db.cachedStatement(sql: """
            INSERT INTO crm_assignments (ticket_id, officer_id, assigned_by, assigned_at) VALUES (?, ?, ?, ?)
            """).execute(arguments: [assignment.ticketId, assignment.officerId, assignment.assignedBy,
                                     assignment.assignedAt.timeIntervalSince1970])
        return db.lastInsertedRowID
    }

    /// Every assignment of `ticketId`, oldest first; the last is the one that holds.
    static func history(ticketId: String, in db: Database) throws -> [Assignment] {
        try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM crm_assignments WHERE ticket_id = ? ORDER BY seq"),
                         arguments: [ticketId]).map(assignment)
    }

    /// The officer `ticketId` is with now; nil when it was never assigned.
    static func currentOfficer(ticketId: String, in db: Database) throws -> String? {
        try String.fetchOne(db.cachedStatement(sql: """
            SELECT officer_id FROM crm_assignments WHERE ticket_id = ? ORDER BY seq DESC LIMIT 1
            """), arguments: [ticketId])
    }

    private static func assignment(_ row: Row) -> Assignment {
        Assignment(ticketId: row["ticket_id"], officerId: row["officer_id"], assignedBy: row["assigned_by"],
                   assignedAt: Date(timeIntervalSince1970: row["assigned_at"]))
    }
}
