import Foundation
import Hummingbird
import ServiceKit
import StaffAuth

/// `POST /api/v1/meters` (receive a verified meter into stock) and `GET /api/v1/meters`
/// (the branch's stock), for the branch's stock keepers (`meter_stock`).
///
/// A stock keeper's branch is their token's unit; corporation staff name it in `branchCode`
/// (and may filter the list with `?branchCode=`). Answers 201 with the stocked meter, 409 for
/// a serial already received, 422 with every field error at once.
struct MeterStockEndpoint: Sendable {
    static let path = "api/v1/meters"

    let staff: StaffTokenVerifier
    let work: FieldWork

    func register(on router: Router<ServiceRequestContext>) {
        router.post(RouterPath(Self.path)) { request, _ in try await receive(request) }
        router.get(RouterPath(Self.path)) { request, _ in try await list(request) }
    }

    func receive(_ request: Request) async throws -> Response {
        let claims = try await staff.authenticate(request, for: .meterStock)
        var request = request
        let form = try await request.decodeJSON(MeterStockForm.self)
        return try Response.json(try await work.receive(form, by: claims), status: .created)
    }

    func list(_ request: Request) async throws -> Response {
        let claims = try await staff.authenticate(request, for: .meterStock)
        let branch = request.uri.queryParameters.get("branchCode") ?? claims.ownUnit
        return try Response.json(["meters": try await work.stock(branchCode: branch, for: claims)])
    }
}
