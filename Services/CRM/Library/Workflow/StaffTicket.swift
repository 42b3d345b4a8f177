/// A ticket of any kind, as staff reach it by its id from the one list.
enum StaffTicket: Sendable {
    case newConnection(Ticket)
    case contractAmendment(ContractAmendment)
    case serviceRequest(ServiceTicket)
    case inquiry(Inquiry)

    var ticketId: String {
        switch self {
        case .newConnection(let ticket): ticket.ticketId
        case .contractAmendment(let amendment): amendment.ticketId
        case .serviceRequest(let ticket): ticket.ticketId
        case .inquiry(let inquiry): inquiry.ticketId
        }
    }

    /// The branch that owns the ticket.
    var branchCode: String {
        switch self {
        case .newConnection(let ticket): ticket.branch.code
        case .contractAmendment(let amendment): amendment.unit
        case .serviceRequest(let ticket): ticket.branch.code
        case .inquiry(let inquiry): inquiry.branch.code
        }
    }

    /// The request the ticket serves; nil for an amendment, which none asked for.
    var requestCode: String? {
        switch self {
        case .newConnection(let ticket): ticket.requestCode
        case .contractAmendment: nil
        case .serviceRequest(let ticket): ticket.requestCode
        case .inquiry(let inquiry): inquiry.requestCode
        }
    }

    var status: TicketStatus {
        switch self {
        case .newConnection(let ticket): ticket.status
        case .contractAmendment(let amendment): amendment.status
        case .serviceRequest(let ticket): ticket.status
        case .inquiry(let inquiry): inquiry.status
        }
    }
}
