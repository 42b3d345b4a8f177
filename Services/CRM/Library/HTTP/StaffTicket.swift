import GRDB
import PersonalData
import ServiceKit
import StaffAuth

/// A ticket of any kind, as staff reach it by its id from the one list.
enum StaffTicket: Sendable {
    case newConnection(Ticket)
    case contractAmendment(ContractAmendment)
    case serviceRequest(ServiceTicket)
    case inquiry(Inquiry)

    /// The ticket `ticketId` if these staff may see it: 404 when there is none, 403 for another unit's.
    static func accessible(_ ticketId: String, claims: StaffClaims, personalData: PersonalDataProtector,
                           in db: Database) throws -> StaffTicket {
        if let ticket = try TicketStore.ticket(id: ticketId, personalData: personalData, in: db) {
            try claims.requireAccess(unit: ticket.branch.code)
            return .newConnection(ticket)
        }
        if let amendment = try AmendmentStore.amendment(ticketId: ticketId, in: db) {
            try claims.requireAccess(unit: amendment.unit)
            return .contractAmendment(amendment)
        }
        if let ticket = try ServiceTicketStore.ticket(id: ticketId, in: db) {
            try claims.requireAccess(unit: ticket.branch.code)
            return .serviceRequest(ticket)
        }
        if let inquiry = try InquiryStore.inquiry(id: ticketId, in: db) {
            try claims.requireAccess(unit: inquiry.branch.code)
            return .inquiry(inquiry)
        }
        throw APIError.ticketNotFound
    }

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

    /// The new-connection ticket; a step of that flow on an amendment is 409 `ticket.wrong_kind`.
    func newConnection() throws -> Ticket {
        guard case .newConnection(let ticket) = self else { throw APIError.wrongTicketKind }
        return ticket
    }

    /// The service request; a decision on another kind is 409 `ticket.wrong_kind`.
    func serviceRequest() throws -> ServiceTicket {
        guard case .serviceRequest(let ticket) = self else { throw APIError.wrongTicketKind }
        return ticket
    }

    /// The amendment; recording an amendment on a new connection is 409 `ticket.wrong_kind`.
    func contractAmendment() throws -> ContractAmendment {
        guard case .contractAmendment(let amendment) = self else { throw APIError.wrongTicketKind }
        return amendment
    }

    /// The inquiry; answering or closing another kind is 409 `ticket.wrong_kind`.
    func inquiry() throws -> Inquiry {
        guard case .inquiry(let inquiry) = self else { throw APIError.wrongTicketKind }
        return inquiry
    }
}
