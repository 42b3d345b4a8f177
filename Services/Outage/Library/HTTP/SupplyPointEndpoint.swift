import Foundation
import Hummingbird
import ServiceKit
import StaffAuth

/// `POST /api/v1/supply-points`: loads the billing system's supply-point export (the CSV as the
/// body) through ``SupplyPointLoader``.
///
/// Answers 200 `{"imported", "rejected": [{line, field, code, message}]}`: good rows are kept
/// (a known customer code of the same branch is replaced), bad ones listed.
struct SupplyPointEndpoint: Sendable {
    static let maximumBytes = 32 << 20

    let staff: StaffTokenVerifier
    let loader: SupplyPointLoader

    func register(on router: Router<ServiceRequestContext>) {
        router.post("api/v1/supply-points") { request, _ in try await load(request) }
    }

    func load(_ request: Request) async throws -> Response {
        let claims = try await staff.authenticate(request, for: .outageDesk)
        var request = request
        let file: Data
        do {
            file = try await request.collectJSONBody(limit: Self.maximumBytes)
        } catch let error as APIError where error.status == .contentTooLarge {
            throw APIError.supplyPointFileTooLarge
        }
        return try Response.json(try await loader.load(file, by: claims))
    }
}
