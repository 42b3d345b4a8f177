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
    let desk: WorkOrderDesk
    let writer: GroupCommitWriter
    let store: ServiceStore

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
            let order = try await store.database.read { db in try WorkOrderLedger.order(requestCode: requestCode, in: db) }
            if let order { try claims.requireAccess(unit: order.branchCode) }
            orders = order.map { [$0] } ?? []
        } else {
            let branch = claims.ownUnit
            orders = try await store.database.read { db in try WorkOrderLedger.orders(branchCode: branch, in: db) }
        }
        return try Response.json(["workOrders": orders])
    }

    func complete(_ request: Request, id: String) async throws -> Response {
        let claims = try await staff.authenticate(request, for: .fieldWork)
        var request = request
        let form = try await request.decodeJSON(CompletionForm.self)
        guard let order = try await store.database.read({ db in try WorkOrderLedger.order(id: id, in: db) }) else {
            throw APIError.workOrderNotFound
        }
        try claims.requireAccess(unit: order.branchCode)
        switch order.status {
        case .completed: throw APIError.workOrderCompleted
        case .awaitingMeter: throw APIError.workOrderAwaitingMeter
        case .open: break
        }
        let completion: WorkOrderCompletion
        do {
            completion = try form.validated(reserved: order.meterSerial ?? "")
        } catch {
            throw APIError.invalid(error)
        }
        let desk = desk
        let now = Date()
        let outcome = try await writer.write { db in
            try desk.complete(order, with: completion, by: claims.staffId, at: now, in: db)
        }
        switch outcome {
        case .completed:
            let completed = try await store.database.read { db in try WorkOrderLedger.order(id: id, in: db) }
            return try Response.json(completed)
        case .notOpen(.awaitingMeter): throw APIError.workOrderAwaitingMeter
        case .notOpen: throw APIError.workOrderCompleted
        case .noReadingRoute: throw APIError.noReadingRoute
        }
    }
}
