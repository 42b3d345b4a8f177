import Foundation
import Hummingbird
import ServiceKit
import StaffAuth

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
    let actions: IncidentActions

    func register(on router: Router<ServiceRequestContext>) {
        router.get(RouterPath(Self.path)) { request, _ in try await list(request) }
        router.get(RouterPath("\(Self.path)/:id")) { request, context in
            let claims = try await staff.authenticate(request, for: .outageDesk)
            return try Response.json(try await actions.incident(context.parameters.get("id") ?? "", for: claims))
        }
        router.post(RouterPath("\(Self.path)/:id/crew")) { request, context in
            let claims = try await staff.authenticate(request, for: .outageDesk)
            var request = request
            let form = try await request.decodeJSON(CrewForm.self)
            return try Response.json(try await actions.assignCrew(form.crew, to: context.parameters.get("id") ?? "",
                                                                  by: claims))
        }
        router.post(RouterPath("\(Self.path)/:id/restoration")) { request, context in
            let claims = try await staff.authenticate(request, for: .outageDesk)
            var request = request
            let form = try await request.decodeJSON(RestorationForm.self)
            return try Response.json(try await actions.restore(context.parameters.get("id") ?? "", cause: form.cause,
                                                               by: claims))
        }
    }

    func list(_ request: Request) async throws -> Response {
        let claims = try await staff.authenticate(request, for: .outageDesk)
        let branch = try claims.actingUnit(named: request.uri.queryParameters.get("branchCode"), field: "branchCode")
            ?? request.uri.queryParameters.get("branchCode")
        let restored = request.uri.queryParameters.get("status") == IncidentStatus.restored.rawValue
        let incidents = try await actions.store.database.read { db in
            try IncidentReader.incidents(branchCode: branch, restored: restored, limit: Self.listLimit, in: db)
        }
        return try Response.json(["incidents": incidents])
    }
}
