import Foundation
import GRDB
import Hummingbird
import ServiceKit
import StaffAuth
import VietnameseIdentity

/// Dispatch's incidents, for the branch's `dispatcher` staff (corporation staff see all):
///
/// | route | answers |
/// |---|---|
/// | `GET /api/v1/incidents[?status=restored][&branchCode=]` | 200 `{"incidents": [...]}`, unrestored by default, newest first |
/// | `GET /api/v1/incidents/{id}` | 200 the incident with its reports (phones masked) |
/// | `POST /api/v1/incidents/{id}/crew` `{"crew"}` | 200 the incident; 409 once restored |
/// | `POST /api/v1/incidents/{id}/restoration` `{"cause"}` | 200 the incident; every reporter is told once; 409 once restored |
///
/// 404 for an unknown incident, 403 for another branch's, 422 for a missing or bad field.
struct IncidentEndpoints: Sendable {
    static let path = "api/v1/incidents"
    static let listLimit = 500

    let staff: StaffTokenVerifier
    let desk: IncidentDesk
    let writer: GroupCommitWriter
    let store: ServiceStore

    func register(on router: Router<ServiceRequestContext>) {
        router.get(RouterPath(Self.path)) { request, _ in try await list(request) }
        router.get(RouterPath("\(Self.path)/:id")) { request, context in
            try await show(request, id: context.parameters.get("id") ?? "")
        }
        router.post(RouterPath("\(Self.path)/:id/crew")) { request, context in
            try await act(request, id: context.parameters.get("id") ?? "", form: CrewForm.self, field: "crew", { $0.crew }) {
                desk, text, id, staffId, now, db in try desk.assignCrew(text, to: id, by: staffId, at: now, in: db)
            }
        }
        router.post(RouterPath("\(Self.path)/:id/restoration")) { request, context in
            try await act(request, id: context.parameters.get("id") ?? "", form: RestorationForm.self, field: "cause", { $0.cause }) {
                desk, text, id, staffId, now, db in try desk.restore(id, cause: text, by: staffId, at: now, in: db)
            }
        }
    }

    func list(_ request: Request) async throws -> Response {
        let claims = try await staff.authenticate(request, for: .outageDesk)
        let branch = try claims.actingUnit(named: request.uri.queryParameters.get("branchCode"), field: "branchCode")
            ?? request.uri.queryParameters.get("branchCode")
        let restored = request.uri.queryParameters.get("status") == IncidentStatus.restored.rawValue
        let incidents = try await store.database.read { db in
            try IncidentReader.incidents(branchCode: branch, restored: restored, limit: Self.listLimit, in: db)
        }
        return try Response.json(["incidents": incidents])
    }

    func show(_ request: Request, id: String) async throws -> Response {
        let claims = try await staff.authenticate(request, for: .outageDesk)
        guard let incident = try await store.database.read({ db in try IncidentReader.incident(id, in: db) }) else {
            throw APIError.incidentNotFound
        }
        try claims.requireAccess(unit: incident.branchCode)
        return try Response.json(incident)
    }

    /// Checks the one text field of `form`, then runs `change` in a write; answers the incident.
    private func act<Form: Decodable & Sendable>(
        _ request: Request, id: String, form: Form.Type, field: String, _ text: @escaping @Sendable (Form) -> String?,
        _ change: @escaping @Sendable (IncidentDesk, String, String, String, Date, Database) throws -> IncidentDesk.Outcome
    ) async throws -> Response {
        let claims = try await staff.authenticate(request, for: .outageDesk)
        var request = request
        let body = try await request.decodeJSON(Form.self)
        guard let branch = try await store.database.read({ db in try IncidentReader.branch(of: id, in: db) }) else {
            throw APIError.incidentNotFound
        }
        try claims.requireAccess(unit: branch)
        var validation = Validation()
        let value = validation.required(field, text(body)) { (text: String) throws(OutageProblem) in
            try PlannedOutageRules.text(text, minimum: 2, maximum: PlannedOutageRules.longestCustomerText)
        }
        do { try validation.finish() } catch { throw APIError.invalid(error) }
        let desk = desk
        let staffId = claims.staffId
        let now = Date()
        switch try await writer.write({ db in try change(desk, value!, id, staffId, now, db) }) {
        case .done: break
        case .notFound: throw APIError.incidentNotFound
        case .restored: throw APIError.incidentRestored
        }
        let incident = try await store.database.read { db in try IncidentReader.incident(id, in: db) }
        return try Response.json(incident)
    }
}
