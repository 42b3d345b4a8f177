import Foundation
import Hummingbird
import ServiceKit
import StaffAuth

/// `POST /api/v1/supply-points`: loads the billing system's supply-point export (``SupplyPointImport``,
/// the CSV as the body). Branch dispatchers load their own branch's rows only; corporation staff any.
/// A row whose customer code is already another branch's is refused, whoever sends it: a
/// supply point never moves between branches.
///
/// Answers 200 `{"imported", "rejected": [{line, field, code, message}]}`: good rows are kept
/// (a known customer code of the same branch is replaced), bad ones listed.
struct SupplyPointEndpoint: Sendable {
    static let maximumBytes = 32 << 20

    let staff: StaffTokenVerifier
    let importer: SupplyPointImport
    let registry: SupplyPointRegistry
    let writer: GroupCommitWriter

    /// The import's answer.
    struct Summary: Encodable, Sendable {
        var imported: Int
        var rejected: [SupplyPointImport.Rejection]
    }

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
        let read = importer.read(file)
        var rejected = read.rejected
        let rows = read.rows.filter { row in
            guard claims.mayAccess(unit: row.point.branchCode) else {
                rejected.append(Self.otherUnit(line: row.line, field: "branch"))
                return false
            }
            return true
        }
        let registry = registry
        let now = Date()
        let refused = try await writer.write { db in
            try rows.compactMap { row in
                try registry.upsert(row.point, phone: row.phone.map { ($0.e164, $0.masked) }, at: now, in: db)
                    .map { (line: row.line, refusal: $0) }
            }
        }
        rejected += refused.map { Self.rejection(line: $0.line, field: "customer_code", $0.refusal) }
        return try Response.json(Summary(imported: rows.count - refused.count, rejected: rejected))
    }

    /// A row refused because it names, or would change, another unit's record.
    private static func otherUnit(line: Int, field: String) -> SupplyPointImport.Rejection {
        rejection(line: line, field: field, .otherUnit)
    }

    /// A row the registry would not take.
    private static func rejection(line: Int, field: String, _ refusal: SupplyPointRegistry.Refusal)
        -> SupplyPointImport.Rejection {
        rejection(line: line, field: field, refusal == .otherBranch ? .otherUnit : .supplyPointUnderContract)
    }

    /// A row refused with `error`'s code and its message in both languages.
    private static func rejection(line: Int, field: String, _ error: APIError) -> SupplyPointImport.Rejection {
        SupplyPointImport.Rejection(line: line, field: field, code: error.errors[0].code,
                                    message: error.errors[0].message)
    }
}
