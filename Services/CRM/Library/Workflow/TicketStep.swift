import Contracts
import GRDB

/// A step staff record on a ticket, checked, whichever way it came in: the staff API
/// (`POST /api/v1/tickets/{id}/{step}`) or the console's ticket page. Recording it on a ticket
/// of another kind is 409 `ticket.wrong_kind`; the
/// contact step is every kind's.
enum TicketStep: Sendable {
    case contact(note: String?)
    case survey(Ticket.Survey)
    case installation
    case screeningResolution(ScreeningDecision, note: String)
    case decision(approve: Bool, reason: String?, phase: MeterPhase)
    case amendment(note: String?)
    case answer(text: String)
    case closeInquiry

    func record(on ticket: StaffTicket, by staffId: String, with workflow: TicketWorkflow, in db: Database) throws {
        switch self {
        case .contact(let note):
            switch ticket {
            case .newConnection(let connection): try workflow.recordContact(connection, staffId: staffId, note: note, in: db)
            case .serviceRequest(let service): try workflow.recordContact(service, staffId: staffId, note: note, in: db)
            case .contractAmendment(let amendment):
                try workflow.recordContact(amendment, staffId: staffId, note: note, in: db)
            case .inquiry(let inquiry): try workflow.recordContact(inquiry, staffId: staffId, note: note, in: db)
            }
        case .survey(let survey):
            try workflow.recordSurvey(ticket.newConnection(), survey: survey, staffId: staffId, in: db)
        case .installation:
            try workflow.requestInstallation(ticket.newConnection(), staffId: staffId, in: db)
        case .screeningResolution(let decision, let note):
            try workflow.resolveScreening(ticket.newConnection(), decision: decision, note: note, staffId: staffId, in: db)
        case .decision(let approve, let reason, let phase):
            try workflow.decide(ticket.serviceRequest(), approve: approve, reason: reason, phase: phase,
                                staffId: staffId, in: db)
        case .amendment(let note):
            try workflow.recordAmendment(ticket.contractAmendment(), staffId: staffId, note: note, in: db)
        case .answer(let text):
            try workflow.answer(ticket.inquiry(), text: text, staffId: staffId, in: db)
        case .closeInquiry:
            try workflow.closeInquiry(ticket.inquiry(), staffId: staffId, in: db)
        }
    }
}
