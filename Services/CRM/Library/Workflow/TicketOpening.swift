import Contracts
import Foundation
import GRDB
import Messaging
import WorkingCalendar

/// The terms a request's ticket opens on: the instant it opens, day 0 of its SLA count (the
/// day the request was received), its kind's limit and the due date they give.
struct TicketOpening: Sendable {
    let openedAt: Date
    let receivedOn: CalendarDay
    let slaLimit: Int
    let dueDate: CalendarDay
}

extension TicketWorkflow where Model: RequestTicket {
    /// The terms of a ticket opened now for a request of `kind` received at `submittedAt`.
    func openingNow(_ kind: RequestKind, areaClass: AreaClass, submittedAt: Date) -> TicketOpening {
        let receivedOn = CalendarDay(submittedAt)
        let limit = policy.initialLimit(for: kind, areaClass: areaClass)
        return TicketOpening(openedAt: currentInstant, receivedOn: receivedOn, slaLimit: limit,
                             dueDate: policy.dueDate(receivedOn: receivedOn, limit: limit))
    }

    /// Puts the request's filing (by `channel`, at `submittedAt`) and its just-stored ticket on
    /// the request's timeline, and tells the other services the ticket opened, with the
    /// `contact` its notices go to: the same for a connection and a service request.
    func announceOpening(_ ticket: Model, _ opening: TicketOpening, channel: Channel, submittedAt: Date,
                         contact: CustomerContact, cause: Envelope, in db: Database) throws {
        try TimelineStore.append(TimelineEntry(.requestSubmitted, detail: channel.rawValue, at: submittedAt),
                                 requestCode: ticket.requestCode, in: db)
        try TimelineStore.append(TimelineEntry(.ticketOpened, at: opening.openedAt), requestCode: ticket.requestCode, in: db)
        try messages.send(TicketOpened(
            ticketId: ticket.ticketId, requestCode: ticket.requestCode, requestKind: ticket.requestKind,
            branch: ticket.branch, contact: contact, slaLimitWorkingDays: opening.slaLimit,
            dueDate: opening.dueDate.calendarDate, openedAt: opening.openedAt
        ), requestCode: ticket.requestCode, cause: cause, at: opening.openedAt, in: db)
    }
}
