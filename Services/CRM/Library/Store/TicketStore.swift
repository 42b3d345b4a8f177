import Contracts
import Foundation
import GRDB
import Messaging
import PersonalData

/// Reads and changes `crm_tickets`, always inside a transaction its caller holds, so that
/// a ticket's change, its timeline step and its messages commit together. The street is
/// sealed: `personalData` seals it on the way in and opens it on the way out.
enum TicketStore {
    static func insert(_ ticket: Ticket, personalData: PersonalDataProtector, in db: Database) throws {
        try TicketRow(ticket, sealedWith: personalData).insert(db)
    }

    static func ticket(id: String, personalData: PersonalDataProtector, in db: Database) throws -> Ticket? {
        try tickets(db.cachedStatement(sql: "SELECT * FROM crm_tickets WHERE ticket_id = ?"), arguments: [id],
                    personalData: personalData).first
    }

    /// The id of the ticket of `requestCode`, without reading the ticket.
    static func ticketId(requestCode: String, in db: Database) throws -> String? {
        try String.fetchOne(db.cachedStatement(sql: "SELECT ticket_id FROM crm_tickets WHERE request_code = ?"),
                            arguments: [requestCode])
    }

    /// A cached statement: every message crm handles names its ticket by request code.
    static func ticket(requestCode: String, personalData: PersonalDataProtector, in db: Database) throws -> Ticket? {
        try tickets(db.cachedStatement(sql: "SELECT * FROM crm_tickets WHERE request_code = ?"), arguments: [requestCode],
                    personalData: personalData).first
    }

    /// Tickets sorted by due date (then request code), of one branch or of all (`branchCode` nil),
    /// optionally only the one of `requestCode`.
    static func tickets(branchCode: String?, requestCode: String?, personalData: PersonalDataProtector,
                        in db: Database) throws -> [Ticket] {
        let query = TicketListFilter(branchCode: branchCode, requestCode: requestCode).select(from: "crm_tickets")
        return try tickets(db.cachedStatement(sql: query.sql), arguments: query.arguments, personalData: personalData)
    }

    /// The tickets `statement` selects, each read from the statement's current row: a row copied
    /// out of it (`fetchOne`, `fetchAll`) finds a column by lowercasing every column's name
    /// until one matches, for each of a ticket's thirty-odd columns.
    private static func tickets(_ statement: Statement, arguments: StatementArguments,
                                personalData: PersonalDataProtector) throws -> [Ticket] {
        let rows = try Row.fetchCursor(statement, arguments: arguments)
        var tickets: [Ticket] = []
        while let row = try rows.next() { tickets.append(try Ticket(row: row, personalData: personalData)) }
        return tickets
    }

    static func recordScreening(_ screening: ScreeningCompleted, ticketId: String, in db: Database) throws {
        try db.cachedStatement(sql: """
            UPDATE crm_tickets SET screening_outcome = ?, screening_conflicts = ? WHERE ticket_id = ?
            """).execute(arguments: [screening.outcome.rawValue,
                                     String(decoding: try JSONCoding.encoder.encode(screening.conflicts), as: UTF8.self),
                                     ticketId])
    }

    static func recordScreeningDecision(_ decision: ScreeningDecision, note: String, ticketId: String,
                                        in db: Database) throws {
        try db.cachedStatement(sql: "UPDATE crm_tickets SET screening_decision = ?, screening_note = ? WHERE ticket_id = ?")
            .execute(arguments: [decision.rawValue, note, ticketId])
    }

    static func recordSurvey(_ survey: Ticket.Survey, slaLimit: Int, dueDate: String, ticketId: String,
                             in db: Database) throws {
        try db.cachedStatement(sql: """
            UPDATE crm_tickets SET survey_outcome = ?, survey_phase = ?, survey_reason = ?, sla_limit = ?, due_date = ?
            WHERE ticket_id = ?
            """).execute(arguments: [survey.outcome.rawValue, survey.phase.rawValue, survey.reason, slaLimit, dueDate, ticketId])
    }

    static func recordInstallationRequested(at date: Date, ticketId: String, in db: Database) throws {
        try db.cachedStatement(sql: "UPDATE crm_tickets SET installation_requested_at = ? WHERE ticket_id = ?")
            .execute(arguments: [date.timeIntervalSince1970, ticketId])
    }

    static func recordMeter(serial: String, installedAt: Date, ticketId: String, in db: Database) throws {
        try db.cachedStatement(sql: "UPDATE crm_tickets SET meter_serial = ?, meter_installed_at = ? WHERE ticket_id = ?")
            .execute(arguments: [serial, installedAt.timeIntervalSince1970, ticketId])
    }

    static func close(_ closure: Ticket.Closure, ticketId: String, in db: Database) throws {
        try db.cachedStatement(sql: """
            UPDATE crm_tickets SET status = ?, resolution = ?, working_days_taken = ?, sla_outcome = ?, closed_at = ?
            WHERE ticket_id = ?
            """).execute(arguments: [TicketStatus.closed.rawValue, closure.resolution.rawValue, closure.workingDaysTaken,
                                     closure.slaOutcome.rawValue, closure.closedAt.timeIntervalSince1970, ticketId])
    }
}
