import Contracts
import Foundation
import GRDB
import Hummingbird
import ServiceKit
import StaffAuth
import WorkingCalendar

/// The branch staff's one-stop desk: the ticket list (new connections, contract amendments,
/// service requests and e-mailed inquiries), a ticket, and the steps staff record on it.
///
/// Every endpoint takes a customer-service staff token (401 without one, 403 for another
/// role). Branch staff see and act on their own branch's tickets only (403 otherwise);
/// corporation staff (`CORP`) on all. Refusals are ``APIError``s in Vietnamese and English.
struct TicketEndpoints: Sendable {
    static let path = "api/v1/tickets"

    let staff: StaffTokenVerifier
    let database: DatabasePool
    let writer: GroupCommitWriter
    let workflows: TicketWorkflows
    let views: TicketViews
    let assignments: TicketAssignments

    func register(on router: Router<ServiceRequestContext>) {
        let tickets = router.group(RouterPath(Self.path))
        tickets.get { request, _ in try await list(request) }
        tickets.get(":ticketId") { request, context in
            try await detail(request, ticketId: context.parameters.require("ticketId"))
        }
        tickets.get(":ticketId/assignment") { request, context in
            let claims = try await authenticate(request)
            return try Response.json(try await assignments.view(context.parameters.require("ticketId"), claims: claims))
        }
        tickets.post(":ticketId/assignment") { request, context in
            let claims = try await staff.authenticate(request, for: .assigningTickets)
            return try Response.json(try await assignments.assign(
                context.parameters.require("ticketId"), try await decode(AssignmentForm.self, request), claims: claims))
        }
        tickets.post(":ticketId/contact") { request, context in
            let claims = try await authenticate(request)
            return try await record(try await decode(ContactForm.self, request, emptyMeans: ContactForm()).step(),
                                    claims, context)
        }
        tickets.post(":ticketId/survey") { request, context in
            let claims = try await authenticate(request)
            return try await record(try await decode(SurveyForm.self, request).step(), claims, context)
        }
        tickets.post(":ticketId/installation") { request, context in
            try await record(.installation, try await authenticate(request), context)
        }
        tickets.post(":ticketId/amendment") { request, context in
            let claims = try await authenticate(request)
            return try await record(try await decode(AmendmentForm.self, request, emptyMeans: AmendmentForm()).step(),
                                    claims, context)
        }
        tickets.post(":ticketId/decision") { request, context in
            let claims = try await authenticate(request)
            return try await record(try await decode(DecisionForm.self, request).step(), claims, context)
        }
        tickets.post(":ticketId/screening-resolution") { request, context in
            let claims = try await authenticate(request)
            return try await record(try await decode(ScreeningResolutionForm.self, request).step(), claims, context)
        }
        tickets.post(":ticketId/answer") { request, context in
            let claims = try await authenticate(request)
            return try await record(try await decode(AnswerForm.self, request).step(), claims, context)
        }
        tickets.post(":ticketId/close") { request, context in
            try await record(.closeInquiry, try await authenticate(request), context)
        }
    }

    /// `GET /api/v1/tickets[?requestCode=][&assignedTo=]`: the staff member's unit's tickets of
    /// every kind, by due date; with `requestCode`, only that request's (amendments have none);
    /// with `assignedTo`, only those the officer of that staff id works now.
    private func list(_ request: Request) async throws -> Response {
        let claims = try await authenticate(request)
        let branchCode = claims.ownUnit
        let requestCode = request.uri.queryParameters.get("requestCode")
        let today = CalendarDay(workflows.clock.now())
        var list = try await database.read { db in
            try views.list(branchCode: branchCode, requestCode: requestCode, today: today, in: db)
        }
        if let officer = request.uri.queryParameters.get("assignedTo") {
            list.tickets.removeAll { $0.assignedTo != officer }
        }
        return try Response.json(list)
    }

    /// `GET /api/v1/tickets/{ticketId}`.
    private func detail(_ request: Request, ticketId: String) async throws -> Response {
        let claims = try await authenticate(request)
        let detail = try await database.read { db in
            try views.detail(try StaffTicket.accessible(ticketId, claims: claims, personalData: workflows.personalData, in: db), in: db)
        }
        return try Response.json(detail)
    }

    /// Records `step` on the accessible ticket of the path, answering with the ticket as it now stands.
    private func record(_ step: TicketStep, _ claims: StaffClaims, _ context: ServiceRequestContext) async throws
        -> Response {
        let ticketId = try context.parameters.require("ticketId")
        let (views, workflows, personalData) = (views, workflows, workflows.personalData)
        let detail = try await writer.write { db in
            let ticket = try StaffTicket.accessible(ticketId, claims: claims, personalData: personalData, in: db)
            try APIError.answeringRefusals { try step.record(on: ticket, by: claims.staffId, with: workflows, in: db) }
            return try views.detail(try StaffTicket.accessible(ticketId, claims: claims, personalData: personalData, in: db),
                                    in: db)
        }
        return try Response.json(detail)
    }

    private func authenticate(_ request: Request) async throws -> StaffClaims {
        try await staff.authenticate(request, for: .tickets)
    }

    /// The body as `Form`; an empty body is `emptyMeans` when the form has no required field.
    private func decode<Form: Decodable>(_ type: Form.Type, _ request: Request,
                                         emptyMeans empty: Form? = nil) async throws -> Form {
        var request = request
        let bytes = try await request.collectJSONBody()
        if bytes.isEmpty, let empty { return empty }
        return try Request.decodeJSON(type, from: bytes)
    }
}
