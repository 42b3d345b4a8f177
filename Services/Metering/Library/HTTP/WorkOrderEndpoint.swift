import Foundation
import Hummingbird
import ServiceKit
import StaffAuth

/// `GET /api/v1/work-orders[?requestCode=][?assignedTo=]` and `POST /api/v1/work-orders/{id}/completion`,
/// for the branch's field staff (`field_technician`), on their own branch's orders only; and
/// `POST /api/v1/work-orders/{id}/assignment`, the branch head's (``JobAssignments``).
///
/// Completion answers 200 with the completed order (reading route included); 404 for an
/// unknown order, 403 for another branch's, 409 for one already completed or still waiting
/// for a meter, 422 for invalid fields or a serial that is not the reserved meter.
struct WorkOrderEndpoint: Sendable {
    static let path = "api/v1/work-orders"

    let staff: StaffTokenVerifier
    let work: FieldWork
    let assignments: JobAssignments

    func register(on router: Router<ServiceRequestContext>) {
        router.get(RouterPath(Self.path)) { request, _ in try await list(request) }
        router.post(RouterPath("\(Self.path)/:id/completion")) { request, context in
            try await complete(request, id: context.parameters.get("id") ?? "")
        }
        router.post(RouterPath("\(Self.path)/:id/assignment")) { request, context in
            try await assign(request, id: context.parameters.get("id") ?? "")
        }
    }

    func list(_ request: Request) async throws -> Response {
        let claims = try await staff.authenticate(request, for: .fieldWork)
        let orders: [WorkOrder]
        if let requestCode = request.uri.queryParameters.get("requestCode") {
            let order = try await work.store.database.read { db in
                try WorkOrderLedger.order(requestCode: requestCode, in: db)
            }
            if let order { try claims.requireAccess(unit: order.branchCode) }
            orders = order.map { [$0] } ?? []
        } else {
            let (branch, technician) = (claims.ownUnit, request.uri.queryParameters.get("assignedTo"))
            orders = try await work.store.database.read { db in
                try WorkOrderLedger.orders(branchCode: branch, assignedTo: technician, in: db)
            }
        }
        return try Response.json(["workOrders": orders])
    }

    func complete(_ request: Request, id: String) async throws -> Response {
        let claims = try await staff.authenticate(request, for: .fieldWork)
        var request = request
        let form = try await request.decodeJSON(CompletionForm.self)
        return try Response.json(try await work.complete(orderId: id, with: form, by: claims))
    }

    /// A branch head gives the job to a field technician of its branch (``JobAssignments``).
    func assign(_ request: Request, id: String) async throws -> Response {
        let claims = try await staff.authenticate(request, for: .assigningFieldWork)
        var request = request
        let form = try await request.decodeJSON(TechnicianAssignmentForm.self)
        return try Response.json(try await assignments.assign(.workOrder, id: id, form, claims: claims))
    }
}
