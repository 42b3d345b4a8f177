import Contracts
import Foundation
import GRDB
import WorkingCalendar

/// A customer's general inquiry, written to the customer-care mailbox and filed by intake: the
/// branch's officers answer it in the customer's e-mail thread and close it. One per request
/// code; later mails of the thread join its conversation (``InquiryMessage``) and reopen it.
///
/// Kept apart from ``Ticket`` and ``ServiceTicket``: it has no site, contract or request kind,
/// only a conversation; what every kind shares (limit, due date, SLA verdict, timeline) is
/// counted by ``ServiceTimePolicy`` and kept in `crm_timeline`.
struct Inquiry: Sendable {
    var ticketId: String
    var requestCode: String
    /// The branch of the customer code the mail named, else the corporation's desk (`CORP`).
    var branch: Branch
    var customerCode: String?
    var channel: Channel
    /// The customer's subject, sealed: customers put names and addresses in it.
    var sealedSubject: Data
    /// Where answers go, sealed; it opens to an empty string when the mail named no usable address.
    var sealedReplyAddress: Data
    /// Day 0 of the SLA count: the day of the mail that opened or last reopened the inquiry.
    var receivedOn: CalendarDay
    var openedAt: Date
    var status: TicketStatus
    var slaLimit: Int
    var dueDate: CalendarDay
    /// How often a later mail reopened the inquiry after it was closed.
    var reopenings: Int
    var closure: Ticket.Closure?

    /// `CRM-<request code>`, like every ticket.
    static func ticketId(requestCode: String) -> String { "CRM-\(requestCode)" }
}

extension Inquiry: FetchableRecord {
    init(row: Row) throws {
        ticketId = row["ticket_id"]
        requestCode = row["request_code"]
        branch = Branch(code: row["branch_code"], name: row["branch_name"], hotline: row["branch_hotline"])
        customerCode = row["customer_code"]
        channel = try StoredColumn.decode(Channel.self, row["channel"])
        sealedSubject = row["subject"]
        sealedReplyAddress = row["reply_address"]
        receivedOn = try StoredColumn.day(row["received_on"])
        openedAt = Date(timeIntervalSince1970: row["opened_at"])
        status = try StoredColumn.decode(TicketStatus.self, row["status"])
        slaLimit = row["sla_limit"]
        dueDate = try StoredColumn.day(row["due_date"])
        reopenings = row["reopenings"]
        if let resolution: String = row["resolution"] {
            closure = Ticket.Closure(
                resolution: try StoredColumn.decode(TicketClosed.Resolution.self, resolution),
                workingDaysTaken: row["working_days_taken"],
                slaOutcome: try StoredColumn.decode(TicketClosed.SLAOutcome.self, row["sla_outcome"]),
                closedAt: Date(timeIntervalSince1970: row["closed_at"]))
        }
    }
}
