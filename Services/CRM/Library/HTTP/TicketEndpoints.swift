import Contracts
import Foundation
import GRDB
import Hummingbird
import ServiceKit
import StaffAuth
import WorkingCalendar

/// The branch staff's one-stop desk: the ticket list (new connections, contract amendments
/// and service requests), a ticket, and the steps staff record on it.
///
/// Every endpoint takes a customer-service staff token (401 without one, 403 for another
/// role). Branch staff see and act on their own branch's tickets only (403 otherwise);
/// corporation staff (`CORP`) on all. Refusals are ``APIError``s in Vietnamese and English.
struct TicketEndpoints: Sendable {
    static let path = "api/v1/tickets"

    let staff: StaffTokenAuthority
    let database: DatabasePool
    let writer: GroupCommitWriter
    let workflow: TicketWorkflow
    let views: TicketViews

    func register(on router: Router<BasicRequestContext>) {
        let tickets = router.group(RouterPath(Self.path))
        tickets.get { request, _ in try await list(request) }
        tickets.get(":ticketId") { request, context in
            try await detail(request, ticketId: context.parameters.require("ticketId"))
        }
        tickets.post(":ticketId/contact") { request, context in
            let claims = try await authenticate(request)
            let note = try await decode(ContactForm.self, request, emptyMeans: ContactForm()).validated()
            return try await act(claims, ticketId: context.parameters.require("ticketId")) { ticket, db in
                try workflow.recordContact(ticket, staffId: claims.staffId, note: note, in: db)
            }
        }
        tickets.post(":ticketId/survey") { request, context in
            let claims = try await authenticate(request)
            let survey = try await decode(SurveyForm.self, request).validated()
            return try await act(claims, ticketId: context.parameters.require("ticketId")) { ticket, db in
                try workflow.recordSurvey(ticket, survey: survey, staffId: claims.staffId, in: db)
            }
        }
        tickets.post(":ticketId/installation") { request, context in
            let claims = try await authenticate(request)
            return try await act(claims, ticketId: context.parameters.require("ticketId")) { ticket, db in
                try workflow.requestInstallation(ticket, staffId: claims.staffId, in: db)
            }
        }
        tickets.post(":ticketId/amendment") { request, context in
            let claims = try await authenticate(request)
            let note = try await decode(AmendmentForm.self, request, emptyMeans: AmendmentForm()).validated()
            return try await amend(claims, ticketId: context.parameters.require("ticketId"), note: note)
        }
        tickets.post(":ticketId/decision") { request, context in
            let claims = try await authenticate(request)
            let form = try await decode(DecisionForm.self, request).validated()
            return try await decide(claims, ticketId: context.parameters.require("ticketId"), form)
        }
        tickets.post(":ticketId/screening-resolution") { request, context in
            let claims = try await authenticate(request)
            let resolution = try await decode(ScreeningResolutionForm.self, request).validated()
            return try await act(claims, ticketId: context.parameters.require("ticketId")) { ticket, db in
                try workflow.resolveScreening(ticket, decision: resolution.decision, note: resolution.note,
                                              staffId: claims.staffId, in: db)
            }
        }
    }

    /// `GET /api/v1/tickets[?requestCode=]`: the staff member's unit's tickets of every kind, by
    /// due date; with `requestCode`, only that request's (amendments have none).
    private func list(_ request: Request) async throws -> Response {
        let claims = try await authenticate(request)
        let branchCode = claims.ownUnit
        let requestCode = request.uri.queryParameters.get("requestCode")
        let (tickets, amendments, serviceTickets) = try await database.read { db in
            (try TicketStore.tickets(branchCode: branchCode, requestCode: requestCode, in: db),
             requestCode == nil ? try AmendmentStore.amendments(unit: branchCode, in: db) : [],
             try ServiceTicketStore.tickets(branchCode: branchCode, requestCode: requestCode, in: db))
        }
        return try Response.json(views.list(tickets, amendments, serviceTickets, today: CalendarDay(workflow.now())))
    }

    /// `GET /api/v1/tickets/{ticketId}`.
    private func detail(_ request: Request, ticketId: String) async throws -> Response {
        let claims = try await authenticate(request)
        let detail = try await database.read { db in
            try views.detail(try StaffTicket.accessible(ticketId, claims: claims, in: db), in: db)
        }
        return try Response.json(detail)
    }

    /// Runs a new-connection step on an accessible ticket and answers with the ticket as it now stands.
    private func act(_ claims: StaffClaims, ticketId: String,
                     _ step: @escaping @Sendable (Ticket, Database) throws -> Void) async throws -> Response {
        let views = views
        let detail = try await writer.write { db in
            try step(try StaffTicket.accessible(ticketId, claims: claims, in: db).newConnection(), db)
            return try views.detail(try StaffTicket.accessible(ticketId, claims: claims, in: db).newConnection(),
                                    in: db)
        }
        return try Response.json(detail)
    }

    /// `POST …/{ticketId}/amendment`: records the amendment and answers with the closed ticket.
    private func amend(_ claims: StaffClaims, ticketId: String, note: String?) async throws -> Response {
        let (views, workflow) = (views, workflow)
        let detail = try await writer.write { db in
            let amendment = try StaffTicket.accessible(ticketId, claims: claims, in: db).contractAmendment()
            try workflow.recordAmendment(amendment, staffId: claims.staffId, note: note, in: db)
            return try views.detail(try StaffTicket.accessible(ticketId, claims: claims, in: db).contractAmendment(),
                                    in: db)
        }
        return try Response.json(detail)
    }

    /// `POST …/{ticketId}/decision`: approves or refuses a service request waiting for a decision.
    private func decide(_ claims: StaffClaims, ticketId: String,
                        _ form: (approve: Bool, reason: String?, phase: MeterPhase)) async throws -> Response {
        let (views, workflow) = (views, workflow)
        let detail = try await writer.write { db in
            let ticket = try StaffTicket.accessible(ticketId, claims: claims, in: db).serviceRequest()
            try workflow.decide(ticket, approve: form.approve, reason: form.reason, phase: form.phase,
                                staffId: claims.staffId, in: db)
            return try views.detail(try StaffTicket.accessible(ticketId, claims: claims, in: db).serviceRequest(),
                                    in: db)
        }
        return try Response.json(detail)
    }

    private func authenticate(_ request: Request) async throws -> StaffClaims {
        try await staff.authenticate(request, allowing: [.customerService])
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
