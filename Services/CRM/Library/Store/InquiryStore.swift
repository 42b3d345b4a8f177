import Foundation
import GRDB

/// Reads and changes `crm_inquiries` and their conversations in `crm_inquiry_messages`, inside
/// a transaction its caller holds.
enum InquiryStore {
    static func insert(_ inquiry: Inquiry, in db: Database) throws {
        try InquiryRow(inquiry).insert(db)
    }

    static func inquiry(id: String, in db: Database) throws -> Inquiry? {
        try Inquiry.fetchOne(db.cachedStatement(sql: "SELECT * FROM crm_inquiries WHERE ticket_id = ?"), arguments: [id])
    }

    static func inquiry(requestCode: String, in db: Database) throws -> Inquiry? {
        try Inquiry.fetchOne(db.cachedStatement(sql: "SELECT * FROM crm_inquiries WHERE request_code = ?"), arguments: [requestCode])
    }

    /// Inquiries sorted by due date (then request code), of one branch or of all (`branchCode`
    /// nil), or only the one of `requestCode`.
    static func inquiries(branchCode: String?, requestCode: String?, in db: Database) throws -> [Inquiry] {
        let query = TicketListFilter(branchCode: branchCode, requestCode: requestCode).select(from: "crm_inquiries")
        return try Inquiry.fetchAll(db.cachedStatement(sql: query.sql), arguments: query.arguments)
    }

    /// Adds a mail to the conversation; returns its `seq`, or nil when the customer's mail of
    /// that Message-ID is already there.
    static func append(_ author: InquiryMessage.Author, mailMessageId: String?, sealedText: Data, at date: Date,
                       ticketId: String, in db: Database) throws -> Int64? {
        let staffId: String? = switch author {
        case .customer: nil
        case .officer(let staffId): staffId
        }
        try InquiryMessageRow(ticketId: ticketId, staffId: staffId, mailMessageId: mailMessageId, text: sealedText,
                              at: date.timeIntervalSince1970).insertRow(into: db)
        return db.changesCount == 0 ? nil : db.lastInsertedRowID
    }

    /// The conversation, oldest first.
    static func messages(ticketId: String, in db: Database) throws -> [InquiryMessage] {
        try InquiryMessage.fetchAll(db.cachedStatement(sql: "SELECT * FROM crm_inquiry_messages WHERE ticket_id = ? ORDER BY seq"),
                                    arguments: [ticketId])
    }

    /// Opens a closed inquiry again with a new day of receipt and due date.
    static func reopen(_ inquiry: Inquiry, in db: Database) throws {
        try db.cachedStatement(sql: """
            UPDATE crm_inquiries SET status = ?, received_on = ?, due_date = ?, reopenings = ?, resolution = NULL,
                working_days_taken = NULL, sla_outcome = NULL, closed_at = NULL
            WHERE ticket_id = ?
            """).execute(arguments: [TicketStatus.open.rawValue, inquiry.receivedOn.description, inquiry.dueDate.description,
                                     inquiry.reopenings, inquiry.ticketId])
    }

    static func close(_ closure: Ticket.Closure, ticketId: String, in db: Database) throws {
        try db.cachedStatement(sql: """
            UPDATE crm_inquiries SET status = ?, resolution = ?, working_days_taken = ?, sla_outcome = ?, closed_at = ?
            WHERE ticket_id = ?
            """).execute(arguments: [TicketStatus.closed.rawValue, closure.resolution.rawValue, closure.workingDaysTaken,
                                     closure.slaOutcome.rawValue, closure.closedAt.timeIntervalSince1970, ticketId])
    }
}
