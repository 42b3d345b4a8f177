import Foundation
import GRDB
import VietnameseIdentity

/// The corporation-wide duplicate check as a registration meets it: who else holds the ID
/// numbers and household books registered, whether the ``DuplicatePolicy`` refuses them, and
/// the supervisor's override recorded when it lets them through.
struct DuplicateGate: Sendable {
    let sealing: MemberSealing
    let index: DuplicateIndex

    /// The current households of active dossiers holding any of `ids` or `books`.
    func hits(ids: [CitizenID], books: [String], in db: Database) throws -> [DuplicateIndex.Hit] {
        try index.hits(idFingerprints: ids.flatMap(sealing.idFingerprints),
                       bookFingerprints: books.flatMap(sealing.bookFingerprints), in: db)
    }

    /// The conflict that refuses a registration under `policy`, if any.
    func refusal(_ hits: [DuplicateIndex.Hit], policy: DuplicatePolicy) -> DuplicateConflict? {
        guard case .refuse = policy else { return nil }
        return DuplicateIndex.conflict(hits)
    }

    /// Records a supervisor's override of `hits`, returning its id; `nil` when nothing was overridden.
    func recordOverride(_ hits: [DuplicateIndex.Hit], policy: DuplicatePolicy, dossierId: String, at now: Date,
                        in db: Database) throws -> Int64? {
        guard case .override(let staffId, let reason) = policy, let conflict = DuplicateIndex.conflict(hits) else {
            return nil
        }
        let conflicts = String(decoding: try JSONEncoder().encode(conflict.conflicts), as: UTF8.self)
        try db.cachedStatement(sql: """
            INSERT INTO households_overrides (dossier_id, granted_by, granted_at, reason, conflicts) VALUES (?, ?, ?, ?, ?)
            """).execute(arguments: [dossierId, staffId, now.timeIntervalSince1970, reason, conflicts])
        return db.lastInsertedRowID
    }
}
