import Contracts
import GRDB
import WorkingCalendar

/// A ticket of any kind, as every workflow handles it: what assigning it and checking that it
/// is still open need.
protocol WorkedTicket: Sendable {
    var ticketId: String { get }
    var status: TicketStatus { get }
    /// The request whose timeline shows the ticket's steps; nil for a ticket none asked for.
    var timelineRequestCode: String? { get }
}

/// A ticket with a request code, whichever kind: what closing it needs.
protocol ClosableTicket: WorkedTicket {
    var requestCode: String { get }
    var branch: Branch { get }
    /// Day 0 of the SLA count.
    var receivedOn: CalendarDay { get }
    var slaLimit: Int { get }
    /// Tells this closing's timeline step apart from earlier ones of a ticket that reopens.
    var closingDetail: String { get }

    /// Writes the closure to the ticket's own table.
    func recordClosure(_ closure: Ticket.Closure, in db: Database) throws
}

extension ClosableTicket {
    var timelineRequestCode: String? { requestCode }

    /// Tickets that never reopen close once.
    var closingDetail: String { "" }
}

/// A ticket of a request of some kind: what refusing it needs as well.
protocol RequestTicket: ClosableTicket {
    var requestKind: RequestKind { get }

    /// The ticket id of the request `requestCode`'s ticket.
    static func ticketId(requestCode: String) -> String
}

extension Ticket: RequestTicket {
    func recordClosure(_ closure: Ticket.Closure, in db: Database) throws {
        try TicketStore.close(closure, ticketId: ticketId, in: db)
    }
}

extension ServiceTicket: RequestTicket {
    var requestKind: RequestKind { kind }

    func recordClosure(_ closure: Ticket.Closure, in db: Database) throws {
        try ServiceTicketStore.close(closure, ticketId: ticketId, in: db)
    }
}

extension Inquiry: ClosableTicket {
    var closingDetail: String { reopenings == 0 ? "" : "\(reopenings)" }

    func recordClosure(_ closure: Ticket.Closure, in db: Database) throws {
        try InquiryStore.close(closure, ticketId: ticketId, in: db)
    }
}

extension ContractAmendment: WorkedTicket {
    /// An amendment has no request: households' change opened it.
    var timelineRequestCode: String? { nil }
}
