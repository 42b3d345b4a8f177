import Foundation
import GRDB

/// The steps of each request, in `crm_timeline`.
///
/// A step is unique by request, kind and detail, so a message that reaches crm twice under
/// two message ids (a producer's retry) still lands once.
enum TimelineStore {
    /// A cached statement: every message crm handles appends a step.
    static func append(_ entry: TimelineEntry, requestCode: String, in db: Database) throws {
        try db.cachedStatement(sql: """
            INSERT INTO crm_timeline (request_code, kind, detail, at) VALUES (?, ?, ?, ?)
            ON CONFLICT (request_code, kind, detail) DO NOTHING
            """).execute(arguments: [requestCode, entry.kind.rawValue, entry.detail, entry.at.timeIntervalSince1970])
    }

    /// The request's steps, oldest first; steps of the same second in the order crm recorded them.
    static func entries(requestCode: String, in db: Database) throws -> [TimelineEntry] {
        try Row.fetchAll(db.cachedStatement(sql: """
            SELECT kind, detail, at FROM crm_timeline WHERE request_code = ? ORDER BY at, seq
            """), arguments: [requestCode]).compactMap { row in
            // A kind a later version added is skipped rather than failing the whole timeline.
            TimelineEntry.Kind(rawValue: row["kind"]).map {
                TimelineEntry($0, detail: row["detail"], at: Date(timeIntervalSince1970: row["at"]))
            }
        }
    }
}
