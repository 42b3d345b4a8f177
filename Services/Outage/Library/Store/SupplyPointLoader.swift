import Foundation
import ServiceKit
import StaffAuth

/// Loads the billing system's supply-point export (``SupplyPointImport``) for the API and the
/// dispatcher's import page alike. Branch dispatchers load their own branch's rows only;
/// corporation staff any. A row whose customer code is already another branch's is refused,
/// whoever sends it: a supply point never moves between branches.
struct SupplyPointLoader: Sendable {
    /// What an import did: good rows are kept (a known customer code of the same branch is
    /// replaced), bad ones listed with their line.
    struct Summary: Encodable, Sendable {
        var imported: Int
        var rejected: [SupplyPointImport.Rejection]
    }

    let importer: SupplyPointImport
    let registry: SupplyPointRegistry
    let writer: GroupCommitWriter
    let clock: WallClock

    /// Loads `file` (the CSV) as `claims`' staff send it, at the time `clock` reads.
    func load(_ file: Data, by claims: StaffClaims) async throws -> Summary {
        let read = importer.read(file)
        var rejected = read.rejected
        let rows = read.rows.filter { row in
            guard claims.mayAccess(unit: row.point.branchCode) else {
                rejected.append(Self.otherUnit(line: row.line, field: "branch"))
                return false
            }
            return true
        }
        let (registry, now) = (registry, clock.preciseNow())
        let refused = try await writer.write { db in
            try rows.compactMap { row in
                try registry.upsert(row.point, phone: row.phone.map { ($0.e164, $0.masked) }, at: now, in: db)
                    .map { (line: row.line, refusal: $0) }
            }
        }
        rejected += refused.map { Self.rejection(line: $0.line, field: "customer_code", $0.refusal) }
        return Summary(imported: rows.count - refused.count, rejected: rejected)
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
