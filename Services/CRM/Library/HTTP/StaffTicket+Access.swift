import GRDB
import PersonalData
import ServiceKit
import StaffAuth

extension StaffTicket {
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
}
