import Contracts
import GRDB

/// A step staff record on a ticket, checked, whichever way it came in: the staff API
/// (`POST /api/v1/tickets/{id}/{step}`) or the console's ticket page. Recording it on a ticket
/// of another kind is refused (409 `ticket.wrong_kind`); the contact step is every kind's.
enum TicketStep: Sendable {
    case contact(note: String?)
    case survey(Ticket.Survey)
    case installation
    case screeningResolution(ScreeningDecision, note: String)
    case decision(approve: Bool, reason: String?, phase: MeterPhase)
    case amendment(note: String?)
    case answer(text: String)
    case closeInquiry

    /// Records the step through the workflow of the ticket's kind; a step of another kind is
    /// ``StepRefusal/wrongTicketKind``.
    func record(on ticket: StaffTicket, by staffId: String, with workflows: TicketWorkflows, in db: Database) throws {
        switch (self, ticket) {
        case (.contact(let note), .newConnection(let connection)):
            try workflows.connections.recordContact(connection, staffId: staffId, note: note, in: db)
        case (.contact(let note), .serviceRequest(let service)):
            try workflows.serviceRequests.recordContact(service, staffId: staffId, note: note, in: db)
        case (.contact(let note), .contractAmendment(let amendment)):
            try workflows.amendments.recordContact(amendment, staffId: staffId, note: note, in: db)
        case (.contact(let note), .inquiry(let inquiry)):
            try workflows.inquiries.recordContact(inquiry, staffId: staffId, note: note, in: db)
        case (.survey(let survey), .newConnection(let connection)):
            try workflows.connections.recordSurvey(connection, survey: survey, staffId: staffId, in: db)
        case (.installation, .newConnection(let connection)):
            try workflows.connections.requestInstallation(connection, staffId: staffId, in: db)
        case (.screeningResolution(let decision, let note), .newConnection(let connection)):
            try workflows.connections.resolveScreening(connection, decision: decision, note: note, staffId: staffId,
                                                       in: db)
        case (.decision(let approve, let reason, let phase), .serviceRequest(let service)):
            try workflows.serviceRequests.decide(service, approve: approve, reason: reason, phase: phase,
                                                 staffId: staffId, in: db)
        case (.amendment(let note), .contractAmendment(let amendment)):
            try workflows.amendments.recordAmendment(amendment, staffId: staffId, note: note, in: db)
        case (.answer(let text), .inquiry(let inquiry)):
            try workflows.inquiries.answer(inquiry, text: text, staffId: staffId, in: db)
        case (.closeInquiry, .inquiry(let inquiry)):
            try workflows.inquiries.closeInquiry(inquiry, staffId: staffId, in: db)
        case (.survey, _), (.installation, _), (.screeningResolution, _), (.decision, _), (.amendment, _),
             (.answer, _), (.closeInquiry, _):
            throw StepRefusal.wrongTicketKind
        }
    }
}
