import Foundation
import Hummingbird
import ServiceKit
import StaffAuth

/// `GET /api/v1/meter-visits[?requestCode=][?assignedTo=]` and `POST /api/v1/meter-visits/{id}/result`,
/// for the branch's field staff (`field_technician`), on their own branch's visits only; and
/// `POST /api/v1/meter-visits/{id}/assignment`, the branch head's (``JobAssignments``).
///
/// The result answers 200 with the visit as recorded (pass/fail and fee included); 404 for an
/// unknown visit, 403 for another branch's, 409 for one already recorded, 422 for invalid
/// fields or a serial that is not the customer's meter.
struct MeterVisitEndpoint: Sendable {
    static let path = "api/v1/meter-visits"

    let staff: StaffTokenVerifier
    let work: FieldWork
    let assignments: JobAssignments

    func register(on router: Router<ServiceRequestContext>) {
        router.get(RouterPath(Self.path)) { request, _ in try await list(request) }
        router.post(RouterPath("\(Self.path)/:id/result")) { request, context in
            try await record(request, id: context.parameters.get("id") ?? "")
        }
        router.post(RouterPath("\(Self.path)/:id/assignment")) { request, context in
            try await assign(request, id: context.parameters.get("id") ?? "")
        }
    }

    func list(_ request: Request) async throws -> Response {
        let claims = try await staff.authenticate(request, for: .fieldWork)
        let desk = work.visits
        let visits: [MeterVisit]
        if let requestCode = request.uri.queryParameters.get("requestCode") {
            let visit = try await work.store.database.read { db in try desk.visit(requestCode: requestCode, in: db) }
            if let visit { try claims.requireAccess(unit: visit.branchCode) }
            visits = visit.map { [$0] } ?? []
        } else {
            let (branch, technician) = (claims.ownUnit, request.uri.queryParameters.get("assignedTo"))
            visits = try await work.store.database.read { db in
                try desk.visits(branchCode: branch, assignedTo: technician, in: db)
            }
        }
        return try Response.json(["meterVisits": visits])
    }

    func record(_ request: Request, id: String) async throws -> Response {
        let claims = try await staff.authenticate(request, for: .fieldWork)
        var request = request
        let form = try await request.decodeJSON(VisitResultForm.self)
        return try Response.json(try await work.recordVisit(id: id, with: form, by: claims))
    }

    /// A branch head gives the job to a field technician of its branch (``JobAssignments``).
    func assign(_ request: Request, id: String) async throws -> Response {
        let claims = try await staff.authenticate(request, for: .assigningFieldWork)
        var request = request
        let form = try await request.decodeJSON(TechnicianAssignmentForm.self)
        return try Response.json(try await assignments.assign(.meterVisit, id: id, form, claims: claims))
    }
}
