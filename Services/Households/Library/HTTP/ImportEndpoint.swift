import CSV
import Foundation
import Hummingbird
import ServiceKit
import StaffAuth

/// Imports through the API, the CSV file as the request body (`text/csv`, UTF-8):
///
/// | route | who | answers |
/// |---|---|---|
/// | `POST /api/v1/customer-imports` | corporation staff | 200 ``ImportSummary`` of the billing system's export |
/// | `POST /api/v1/dossier-imports` | a unit's staff (own unit's rows only) or corporation staff | 200 ``ImportSummary`` |
///
/// Bad rows do not fail the import: each is in `rejected` with its line, column and reason.
/// Files larger than `IMPORT_MAX_BYTES` go through `households import customers|dossiers <file>`.
struct ImportEndpoint: Sendable {
    let staff: StaffTokenVerifier
    let program: HouseholdsProgram
    let maxBytes: Int

    func register(on router: Router<ServiceRequestContext>) {
        router.post("api/v1/customer-imports") { request, _ in
            let claims = try await staff.authenticate(request, for: .households)
            guard claims.ownUnit == nil else { throw APIError.otherUnit }
            let file = try await body(request)
            return try Response.json(try await program.importCustomers(CSVReader(data: file), source: "api", by: claims.staffId))
        }
        router.post("api/v1/dossier-imports") { request, _ in
            let claims = try await staff.authenticate(request, for: .households)
            let file = try await body(request)
            return try Response.json(try await program.importDossiers(
                CSVReader(data: file), source: "api", unit: claims.ownUnit, by: claims.staffId))
        }
    }

    private func body(_ request: Request) async throws -> Data {
        var request = request
        do {
            return try await request.collectJSONBody(limit: maxBytes)
        } catch let error as APIError where error.status == .contentTooLarge {
            throw APIError.importTooLarge
        }
    }
}
