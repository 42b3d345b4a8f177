import Foundation
import Hummingbird
import ServiceKit
import StaffAuth

/// `GET /api/v1/work-orders[?requestCode=]` and `POST /api/v1/work-orders/{id}/completion`,
/// for the branch's field staff (`field_technician`), on their own branch's orders only.
///
/// Completion answers 200 with the completed order (reading route included); 404 for an
/// unknown order, 403 for another branch's, 409 for one already completed or still waiting
/// for a meter, 422 for invalid fields or a serial that is not the reserved meter.
struct WorkOrderEndpoint: Sendable {
    static let path = "api/v1/work-orders"

    let staff: StaffTokenVerifier
    let work: FieldWork

    func register(on router: Router<ServiceRequestContext>) {
        router.get(RouterPath(Self.path)) { request, _ in try await list(request) }
        router.post(RouterPath("\(Self.path)/:id/completion")) { request, context in
            try await complete(request, id: context.parameters.get("id") ?? "")
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
            let branch = claims.ownUnit
            orders = try await work.store.database.read { db in try WorkOrderLedger.orders(branchCode: branch, in: db) }
        }
        return try Response.json(["workOrders": orders])
    }

    func complete(_ request: Request, id: String) async throws -> Response {
        let claims = try await staff.authenticate(request, for: .fieldWork)
        var request = request
        let form = try await request.decodeJSON(CompletionForm.self)
        return try Response.json(try await work.complete(orderId: id, with: form, by: claims))
    }
}
