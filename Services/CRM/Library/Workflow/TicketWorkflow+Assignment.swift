import Foundation
import GRDB
import Logging
import ServiceKit

extension TicketWorkflow {
    // MARK: Assignment

    /// Gives the open `ticket` to `officerId` (re-assigning it when it is with someone else):
    /// kept with every earlier assignment, and a step of the request's timeline. The caller has
    /// checked that the officer belongs to the ticket's branch.
    func assign(_ ticket: StaffTicket, to officerId: String, by staffId: String, in db: Database) throws {
        guard ticket.status == .open else { throw APIError.ticketClosed }
        let assignedAt = currentInstant
        try AssignmentStore.record(Assignment(ticketId: ticket.ticketId, officerId: officerId, assignedBy: staffId,
                                              assignedAt: assignedAt), in: db)
        if let requestCode = ticket.requestCode {
            try TimelineStore.append(TimelineEntry(.ticketAssigned, detail: "\(Int(assignedAt.timeIntervalSince1970))",
                                                   at: assignedAt), requestCode: requestCode, in: db)
        }
        let logger = logger
        let metadata: Logger.Metadata = ["ticket_id": "\(ticket.ticketId)", "officer_id": "\(officerId)",
                                         "staff_id": "\(staffId)"]
        db.afterNextTransaction { _ in logger.info("ticket assigned", metadata: metadata) }
    }
}
