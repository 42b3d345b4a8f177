import Contracts
import Foundation
import GRDB
import Logging
import Messaging
import PersonalData
import WorkingCalendar

/// The workflow of one kind of ticket: every change of such a ticket, whether a message or a
/// member of staff causes it: the ticket's new state, its timeline step and the messages it
/// causes, written in the caller's transaction so that all of them commit or none does.
///
/// Each step is idempotent: a step that already happened (a redelivered or re-sent message)
/// changes nothing. Each step is logged at info once, after its transaction committed, with
/// `request_code` and `correlation_id`. A step staff may not take throws ``StepRefusal``; a
/// message that can never change a ticket throws ``MessageRefusal``.
///
/// What every kind shares (the SLA clock, assignment, contact, closing, refusing, the
/// notices on the timeline) is written once here.
protocol TicketWorkflow: Sendable {
    associatedtype Model: WorkedTicket

    var context: WorkflowContext { get }

    /// Records that `staffId` reached the customer; a ticket may record several calls.
    func recordContact(_ ticket: Model, staffId: String, note: String?, in db: Database) throws
}

extension TicketWorkflow {
    var policy: ServiceTimePolicy { context.policy }
    var messages: FlowMessages { context.messages }
    var personalData: PersonalDataProtector { context.personalData }

    /// The current instant to the whole second, as messages carry instants.
    var currentInstant: Date { context.currentInstant }

    func requireOpen(_ ticket: Model) throws {
        guard ticket.status == .open else { throw StepRefusal.ticketClosed }
    }

    /// Gives the open `ticket` to `officerId` (re-assigning it when it is with someone else):
    /// kept with every earlier assignment, and a step of the request's timeline. The caller has
    /// checked that the officer belongs to the ticket's branch.
    ///
    /// The step is told apart by the assignment's number, not its second: a re-assignment in the
    /// same second as the one before is a step of its own, not a duplicate the timeline drops.
    func assign(_ ticket: Model, to officerId: String, by staffId: String, in db: Database) throws {
        try requireOpen(ticket)
        let assignedAt = currentInstant
        let number = try AssignmentStore.record(Assignment(ticketId: ticket.ticketId, officerId: officerId,
                                                           assignedBy: staffId, assignedAt: assignedAt), in: db)
        if let requestCode = ticket.timelineRequestCode {
            try TimelineStore.append(TimelineEntry(.ticketAssigned, detail: "assignment/\(number)",
                                                   at: assignedAt), requestCode: requestCode, in: db)
        }
        context.log("ticket assigned", ["ticket_id": "\(ticket.ticketId)", "officer_id": "\(officerId)",
                                        "staff_id": "\(staffId)"], in: db)
    }

    /// Logs `message` about the ticket `ticketId` of `requestCode` once its transaction has committed.
    func log(_ message: Logger.Message, requestCode: String, ticketId: String, _ metadata: Logger.Metadata = [:],
             in db: Database) {
        context.log(message, requestCode: requestCode, ticketId: ticketId, metadata, in: db)
    }
}

extension TicketWorkflow where Model: ClosableTicket {
    /// Records the call on the ticket and its request's timeline, and tells the other services.
    /// The step is told apart by the call's number, so two calls in one second are two steps.
    func recordContact(_ ticket: Model, staffId: String, note: String?, in db: Database) throws {
        try requireOpen(ticket)
        let contactedAt = currentInstant
        let number = try ContactStore.record(staffId: staffId, note: note, at: contactedAt, ticketId: ticket.ticketId,
                                             in: db)
        try TimelineStore.append(TimelineEntry(.contactRecorded, detail: "contact/\(number)",
                                               at: contactedAt), requestCode: ticket.requestCode, in: db)
        try messages.send(ContactRecorded(ticketId: ticket.ticketId, requestCode: ticket.requestCode,
                                          staffId: staffId, contactedAt: contactedAt),
                          requestCode: ticket.requestCode, cause: nil, at: contactedAt, in: db)
        log("contact recorded", requestCode: ticket.requestCode, ticketId: ticket.ticketId,
            ["staff_id": "\(staffId)"], in: db)
    }

    /// Closes the ticket and judges its SLA: the working days from the day of receipt to the
    /// day of closing, against the limit that holds at the end. Every kind of ticket with a
    /// request code is closed, announced and logged this one way.
    func close(_ ticket: Model, resolution: TicketClosed.Resolution, at closedAt: Date, cause: Envelope?,
               in db: Database) throws {
        let verdict = policy.verdict(receivedOn: ticket.receivedOn, limit: ticket.slaLimit,
                                     closedOn: CalendarDay(closedAt))
        let taken = verdict.workingDaysTaken
        let closure = Ticket.Closure(resolution: resolution, workingDaysTaken: taken, slaOutcome: verdict.outcome,
                                     closedAt: closedAt)
        try ticket.recordClosure(closure, in: db)
        try TimelineStore.append(TimelineEntry(.ticketClosed, detail: ticket.closingDetail, at: closedAt),
                                 requestCode: ticket.requestCode, in: db)
        try messages.send(TicketClosed(
            ticketId: ticket.ticketId, requestCode: ticket.requestCode, branchCode: ticket.branch.code,
            resolution: resolution, slaLimitWorkingDays: ticket.slaLimit, workingDaysTaken: taken,
            slaOutcome: closure.slaOutcome, closedAt: closedAt
        ), requestCode: ticket.requestCode, cause: cause, at: closedAt, in: db)
        log("ticket closed", requestCode: ticket.requestCode, ticketId: ticket.ticketId,
            ["resolution": "\(resolution.rawValue)", "working_days_taken": "\(taken)",
             "sla_limit_working_days": "\(ticket.slaLimit)", "sla_outcome": "\(closure.slaOutcome.rawValue)"], in: db)
    }
}

extension TicketWorkflow where Model: RequestTicket {
    /// Refuses the request on `ground` with staff's sentence for the customer, and closes the
    /// ticket; the same for a connection and a service request.
    func refuse(_ ticket: Model, ground: RequestRefused.Ground, reason: String, cause: Envelope? = nil,
                in db: Database) throws {
        let refusedAt = currentInstant
        try TimelineStore.append(TimelineEntry(.requestRefused, at: refusedAt), requestCode: ticket.requestCode, in: db)
        try messages.send(RequestRefused(ticketId: ticket.ticketId, requestCode: ticket.requestCode,
                                         requestKind: ticket.requestKind, branch: ticket.branch, ground: ground,
                                         reason: reason, refusedAt: refusedAt),
                          requestCode: ticket.requestCode, cause: cause, at: refusedAt, in: db)
        log("request refused", requestCode: ticket.requestCode, ticketId: ticket.ticketId,
            ["ground": "\(ground.rawValue)"], in: db)
        try close(ticket, resolution: .refused, at: refusedAt, cause: cause, in: db)
    }

    /// Puts each message of a notice notification delivered on the request's timeline, one
    /// entry per channel.
    ///
    /// Three of these arrive per request (one per notice, its SMS and e-mail together), the most
    /// of any message, so the ticket is not read: its id follows from the request code.
    func recordNotification(_ notified: CustomerNotified, in db: Database) throws {
        for delivery in notified.deliveries {
            try TimelineStore.append(TimelineEntry(.customerNotified,
                                                   detail: "\(notified.notice.rawValue)/\(delivery.channel.rawValue)",
                                                   at: delivery.deliveredAt),
                                     requestCode: notified.requestCode, in: db)
            log("customer notified", requestCode: notified.requestCode,
                ticketId: Model.ticketId(requestCode: notified.requestCode),
                ["notice": "\(notified.notice.rawValue)", "channel": "\(delivery.channel.rawValue)"], in: db)
        }
    }
}
