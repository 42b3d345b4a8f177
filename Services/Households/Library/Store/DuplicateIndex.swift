import Foundation
import GRDB

/// Finds ID numbers and household books held by current members of more than one active
/// dossier, across every unit of the corporation.
///
/// Both keys are keyed fingerprints on partial indexes over current members (`left_at IS
/// NULL`: a member leaves when it ends, splits off or its dossier closes), so a registration's
/// check is two index look-ups and the whole report an index-only scan.
struct DuplicateIndex: Sendable {
    /// A current member holding a looked-up key.
    struct Hit: Sendable {
        var key: DuplicateKey
        var fingerprint: String
        var masked: String
        var memberId: Int64
        var holding: DuplicateHolding
    }

    /// The hits as cases, one per key held; empty when there is none.
    static func conflict(_ hits: [Hit]) -> DuplicateConflict? {
        guard !hits.isEmpty else { return nil }
        var cases: [DuplicateCase] = []
        var index: [String: Int] = [:]
        for hit in hits {
            if let at = index[hit.fingerprint] {
                cases[at].holdings.append(hit.holding)
            } else {
                index[hit.fingerprint] = cases.count
                cases.append(DuplicateCase(key: hit.key, maskedKey: hit.masked, holdings: [hit.holding]))
            }
        }
        return DuplicateConflict(conflicts: cases)
    }

    /// The current members of active dossiers holding any of the fingerprints.
    func hits(idFingerprints: [String], bookFingerprints: [String], in db: Database) throws -> [Hit] {
        try hits(.idNumber, column: "id_fingerprint", masked: "id_masked", idFingerprints, in: db)
            + hits(.householdBook, column: "book_fingerprint", masked: "book_masked", bookFingerprints, in: db)
    }

    /// Every duplicate of the corporation; for a unit, those with a holding in it, other units'
    /// holdings shown by unit only.
    func report(unit: String?, at now: Date, in db: Database) throws -> DuplicateReport {
        let cases = try cases(.idNumber, column: "id_fingerprint", masked: "id_masked", in: db)
            + cases(.householdBook, column: "book_fingerprint", masked: "book_masked", in: db)
        let visible = unit.map { unit in cases.filter { $0.holdings.contains { $0.unit == unit } } } ?? cases
        return DuplicateReport(generatedAt: now, unit: unit, cases: visible.map { found in
            DuplicateCase(key: found.key, maskedKey: found.maskedKey, holdings: found.holdings.map { $0.seen(by: unit) })
        })
    }

    private func hits(_ key: DuplicateKey, column: String, masked: String, _ fingerprints: [String],
                      in db: Database) throws -> [Hit] {
        guard !fingerprints.isEmpty else { return [] }
        return try Row.fetchAll(db, sql: """
            SELECT m.\(column) AS fingerprint, m.\(masked) AS masked, m.member_id, m.role, d.unit, d.customer_code,
                d.dossier_id
            FROM households_members m JOIN households_dossiers d ON d.dossier_id = m.dossier_id
            WHERE m.\(column) IN (\(databaseQuestionMarks(count: fingerprints.count))) AND m.left_at IS NULL
            ORDER BY d.unit, d.customer_code
            """, arguments: StatementArguments(fingerprints)).map { row in
                Hit(key: key, fingerprint: row["fingerprint"], masked: row["masked"], memberId: row["member_id"],
                    holding: Self.holding(row))
            }
    }

    private func cases(_ key: DuplicateKey, column: String, masked: String, in db: Database) throws -> [DuplicateCase] {
        let rows = try Row.fetchCursor(db, sql: """
            WITH duplicated AS (
                SELECT \(column) AS fingerprint FROM households_members
                WHERE left_at IS NULL AND \(column) IS NOT NULL
                GROUP BY \(column) HAVING COUNT(DISTINCT dossier_id) > 1)
            SELECT m.\(column) AS fingerprint, m.\(masked) AS masked, m.role, d.unit, d.customer_code, d.dossier_id
            FROM duplicated JOIN households_members m ON m.\(column) = duplicated.fingerprint AND m.left_at IS NULL
            JOIN households_dossiers d ON d.dossier_id = m.dossier_id
            ORDER BY m.\(column), d.unit, d.customer_code
            """)
        var cases: [DuplicateCase] = []
        var current: String?
        while let row = try rows.next() {
            let fingerprint: String = row["fingerprint"]
            if fingerprint != current {
                current = fingerprint
                cases.append(DuplicateCase(key: key, maskedKey: row["masked"], holdings: []))
            }
            cases[cases.count - 1].holdings.append(Self.holding(row))
        }
        return cases
    }

    private static func holding(_ row: Row) -> DuplicateHolding {
        DuplicateHolding(unit: row["unit"], customerCode: row["customer_code"], dossierId: row["dossier_id"],
                         role: MemberRole(rawValue: row["role"]))
    }
}
