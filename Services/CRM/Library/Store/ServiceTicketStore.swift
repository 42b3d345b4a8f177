import Contracts
import Foundation
import GRDB
import Messaging

/// Reads and changes `crm_service_tickets`, inside a transaction its caller holds.
enum ServiceTicketStore {
    static func insert(_ ticket: ServiceTicket, in db: Database) throws {
        try ServiceTicketRow(ticket).insert(db)
    }

    static func ticket(id: String, in db: Database) throws -> ServiceTicket? {
        try ServiceTicket.fetchOne(db.cachedStatement(sql: "SELECT * FROM crm_service_tickets WHERE ticket_id = ?"), arguments: [id])
    }

    static func ticket(requestCode: String, in db: Database) throws -> ServiceTicket? {
        try ServiceTicket.fetchOne(db.cachedStatement(sql: "SELECT * FROM crm_service_tickets WHERE request_code = ?"),
                                   arguments: [requestCode])
    }

    static func ticketId(requestCode: String, in db: Database) throws -> String? {
        try String.fetchOne(db.cachedStatement(sql: "SELECT ticket_id FROM crm_service_tickets WHERE request_code = ?"),
                            arguments: [requestCode])
    }

    /// Tickets sorted by due date (then request code), of one branch or of all (`branchCode` nil),
    /// or only the one of `requestCode`.
    static func tickets(branchCode: String?, requestCode: String?, in db: Database) throws -> [ServiceTicket] {
        let query = TicketListFilter(branchCode: branchCode, requestCode: requestCode).select(from: "crm_service_tickets")
        return try ServiceTicket.fetchAll(db.cachedStatement(sql: query.sql), arguments: query.arguments)
    }

    static func recordScreening(_ screening: ScreeningCompleted, ticketId: String, in db: Database) throws {
        try db.cachedStatement(sql: """
            UPDATE crm_service_tickets SET screening_outcome = ?, screening_conflicts = ?, stage = ? WHERE ticket_id = ?
            """).execute(arguments: [screening.outcome.rawValue,
                                     String(decoding: try JSONCoding.encoder.encode(screening.conflicts), as: UTF8.self),
                                     ServiceStage.review.rawValue, ticketId])
    }

    static func recordApproval(by staffId: String, at date: Date, stage: ServiceStage, newCustomerCode: String?,
                               ticketId: String, in db: Database) throws {
        try db.cachedStatement(sql: """
            UPDATE crm_service_tickets SET approved_by = ?, approved_at = ?, stage = ?, new_customer_code = ?
            WHERE ticket_id = ?
            """).execute(arguments: [staffId, date.timeIntervalSince1970, stage.rawValue, newCustomerCode, ticketId])
    }

    static func recordVisit(_ visit: MeterVisited, ticketId: String, in db: Database) throws {
        try db.cachedStatement(sql: "UPDATE crm_service_tickets SET visit = ? WHERE ticket_id = ?")
            .execute(arguments: [String(decoding: try JSONCoding.encoder.encode(visit), as: UTF8.self), ticketId])
    }

    static func recordCount(quarters: Int, ticketId: String, in db: Database) throws {
        try db.cachedStatement(sql: "UPDATE crm_service_tickets SET counted_quarters = ? WHERE ticket_id = ?")
            .execute(arguments: [quarters, ticketId])
    }

    static func close(_ closure: Ticket.Closure, ticketId: String, in db: Database) throws {
        try db.cachedStatement(sql: """
            UPDATE crm_service_tickets SET status = ?, stage = ?, resolution = ?, working_days_taken = ?,
                sla_outcome = ?, closed_at = ?
            WHERE ticket_id = ?
            """).execute(arguments: [TicketStatus.closed.rawValue, ServiceStage.closed.rawValue, closure.resolution.rawValue,
                                     closure.workingDaysTaken, closure.slaOutcome.rawValue,
                                     closure.closedAt.timeIntervalSince1970, ticketId])
    }
}
