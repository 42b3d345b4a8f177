import Foundation
import GRDB
import PersonalData
import ServiceKit
import StaffAuth
import StaffDirectory

/// Assigning a ticket to an officer of its branch, the same for the API and the ticket page.
///
/// The officer must be a customer-service officer of the ticket's own branch as the staff
/// directory has them now (422 `officerId` otherwise, 503 while the directory does not answer):
/// crm keeps no roster of its own that could drift from the directory.
struct TicketAssignments: Sendable {
    let database: DatabasePool
    let writer: GroupCommitWriter
    let workflows: TicketWorkflows
    let directory: StaffDirectory

    /// `GET …/assignment`: who works the accessible ticket now, and every assignment before.
    struct View: Encodable, Sendable {
        var ticketId: String
        var officerId: String?
        var history: [Assignment]
    }

    func view(_ ticketId: String, claims: StaffClaims) async throws -> View {
        let personalData = workflows.personalData
        return try await database.read { db in
            let ticket = try StaffTicket.accessible(ticketId, claims: claims, personalData: personalData, in: db)
            let history = try AssignmentStore.history(ticketId: ticket.ticketId, in: db)
            return View(ticketId: ticket.ticketId, officerId: history.last?.officerId, history: history)
        }
    }

    /// Gives the accessible ticket `ticketId` to the officer `form` names, on `claims`' authority.
    func assign(_ ticketId: String, _ form: AssignmentForm, claims: StaffClaims) async throws -> View {
        let officerId = try form.validated()
        let personalData = workflows.personalData
        let ticket = try await database.read { db in
            try StaffTicket.accessible(ticketId, claims: claims, personalData: personalData, in: db)
        }
        guard ticket.status == .open else { throw APIError.ticketClosed }
        try await directory.requireMember(officerId, of: ticket.branchCode, holding: .customerService,
                                          refusing: .notBranchOfficer)
        let workflows = workflows
        try await writer.write { db in
            let ticket = try StaffTicket.accessible(ticketId, claims: claims, personalData: personalData, in: db)
            try APIError.answeringRefusals { try workflows.assign(ticket, to: officerId, by: claims.staffId, in: db) }
        }
        return try await view(ticketId, claims: claims)
    }
}
