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
    /// holdings shown by unit only. ID numbers first, then household books; with a `page`,
    /// only its cases, its `after` the previous page's ``Position``.
    func report(unit: String?, page: ListPage? = nil, at now: Date, in db: Database) throws -> DuplicateReport {
        let start = page?.after.flatMap(Position.init)
        var found: [(case: DuplicateCase, position: Position)] = []
        for (key, column, masked) in [(DuplicateKey.idNumber, "id_fingerprint", "id_masked"),
                                      (.householdBook, "book_fingerprint", "book_masked")] {
            if let start, start.key == .householdBook, key == .idNumber { continue }
            let left = page.map { ListPage(after: nil, limit: $0.limit - found.count) }
            if left?.limit == 0 { break }
            found += try cases(key, column: column, masked: masked, unit: unit, page: left,
                               after: start?.key == key ? start?.memberId : nil, in: db)
        }
        return DuplicateReport(generatedAt: now, unit: unit, cases: found.map { found in
            DuplicateCase(key: found.case.key, maskedKey: found.case.maskedKey,
                          holdings: found.case.holdings.map { $0.seen(by: unit) })
        }, next: page?.next(found, key: \.position.description))
    }

    /// The supervisors' overrides of dossiers of `unit` (every unit's when `nil`), latest first,
    /// at most `limit`.
    func overrides(unit: String?, limit: Int, in db: Database) throws -> [OverrideRecord] {
        let query = ListQuery(unit: unit, unitColumn: "d.unit", page: ListPage(after: nil, limit: limit))
        return try Row.fetchAll(db, sql: """
            SELECT o.dossier_id, d.customer_code, o.granted_by, o.granted_at, o.reason, o.conflicts
            FROM households_overrides o JOIN households_dossiers d ON d.dossier_id = o.dossier_id
            WHERE 1 \(query.conditions)
            ORDER BY o.granted_at DESC, o.override_id DESC \(query.limit)
            """, arguments: query.arguments).map { row in
                let conflicts = try JSONDecoder().decode([DuplicateCase].self, from: Data((row["conflicts"] as String).utf8))
                return OverrideRecord(dossierId: row["dossier_id"], customerCode: row["customer_code"],
                                      grantedBy: row["granted_by"], grantedAt: Date(timeIntervalSince1970: row["granted_at"]),
                                      reason: row["reason"], maskedKeys: conflicts.map(\.maskedKey))
            }
    }

    /// Where a page of the report ends: the key of its last case and a current member holding
    /// it, written `id_number:SH-<n>` — never the number, nor its fingerprint.
    struct Position: CustomStringConvertible {
        var key: DuplicateKey
        var memberId: Int64

        init(key: DuplicateKey, memberId: Int64) {
            self.key = key
            self.memberId = memberId
        }

        /// Reads `<key>:SH-<n>`; `nil` for anything else.
        init?(_ text: String) {
            let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
            guard parts.count == 2, let key = DuplicateKey(rawValue: parts[0].lowercased()),
                  let member = SubHouseholdReference(parts[1]) else { return nil }
            self.init(key: key, memberId: member.memberId)
        }

        var description: String { "\(key.rawValue):\(SubHouseholdReference(memberId: memberId))" }
    }

    private func hits(_ key: DuplicateKey, column: String, masked: String, _ fingerprints: [String],
                      in db: Database) throws -> [Hit] {
        guard !fingerprints.isEmpty else { return [] }
        return try Row.fetchAll(db.cachedStatement(sql: """
            SELECT m.\(column) AS fingerprint, m.\(masked) AS masked, m.member_id, m.role, d.unit, d.customer_code,
                d.dossier_id
            FROM households_members m JOIN households_dossiers d ON d.dossier_id = m.dossier_id
            WHERE m.\(column) IN (\(databaseQuestionMarks(count: fingerprints.count))) AND m.left_at IS NULL
            ORDER BY d.unit, d.customer_code
            """), arguments: StatementArguments(fingerprints)).map { row in
                Hit(key: key, fingerprint: row["fingerprint"], masked: row["masked"], memberId: row["member_id"],
                    holding: Self.holding(row))
            }
    }

    /// The cases of `key`, by fingerprint: those with a holding in `unit` when one is named,
    /// those after the one member `after` holds, at most `page`'s limit.
    private func cases(_ key: DuplicateKey, column: String, masked: String, unit: String?, page: ListPage?,
                       after: Int64?, in db: Database) throws -> [(case: DuplicateCase, position: Position)] {
        var query = ListQuery(page: page, arguments: ["unit": unit])
        if let after {
            query.add("AND m.\(column) > (SELECT \(column) FROM households_members WHERE member_id = :after)",
                      "after", after)
        }
        // The keys held in more than one dossier come from the current members' partial index
        // alone, (fingerprint, dossier): a dossier is read only for the few keys found, to tell
        // whether one of its holdings is in `unit`. Joining every member to its dossier first
        // read millions of dossier rows on a corporation's store.
        let rows = try Row.fetchCursor(db, sql: """
            WITH duplicated AS (
                SELECT m.\(column) AS fingerprint FROM households_members m
                WHERE m.left_at IS NULL AND m.\(column) IS NOT NULL \(query.conditions)
                GROUP BY m.\(column) HAVING COUNT(DISTINCT m.dossier_id) > 1 AND (:unit IS NULL OR EXISTS (
                    SELECT 1 FROM households_members h JOIN households_dossiers d ON d.dossier_id = h.dossier_id
                    WHERE h.\(column) = m.\(column) AND h.left_at IS NULL AND d.unit = :unit))
                ORDER BY m.\(column) \(query.limit))
            SELECT m.\(column) AS fingerprint, m.\(masked) AS masked, m.member_id, m.role, d.unit, d.customer_code, d.dossier_id
            FROM duplicated JOIN households_members m ON m.\(column) = duplicated.fingerprint AND m.left_at IS NULL
            JOIN households_dossiers d ON d.dossier_id = m.dossier_id
            ORDER BY m.\(column), d.unit, d.customer_code
            """, arguments: query.arguments)
        var cases: [(case: DuplicateCase, position: Position)] = []
        var current: String?
        while let row = try rows.next() {
            let fingerprint: String = row["fingerprint"]
            if fingerprint != current {
                current = fingerprint
                cases.append((DuplicateCase(key: key, maskedKey: row["masked"], holdings: []),
                              Position(key: key, memberId: row["member_id"])))
            }
            cases[cases.count - 1].case.holdings.append(Self.holding(row))
        }
        return cases
    }

    private static func holding(_ row: Row) -> DuplicateHolding {
        DuplicateHolding(unit: row["unit"], customerCode: row["customer_code"], dossierId: row["dossier_id"],
                         role: MemberRole(rawValue: row["role"]))
    }
}
