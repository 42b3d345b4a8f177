import Foundation
import GRDB

/// The record of every import (`households_imports`, `households_import_rejections`): who
/// imported what and when, its counts and each rejected row, so an operator can answer "why
/// is this customer not in the program" weeks later.
struct ImportLedger: Sendable {
    enum Kind: String, Sendable {
        case customers
        case dossiers
    }

    /// Opens an import's record and returns its id.
    func start(_ kind: Kind, source: String, by staffId: String, at now: Date, in db: Database) throws -> Int64 {
        try db.cachedStatement(sql: """
            INSERT INTO households_imports (kind, source, imported_by, started_at) VALUES (?, ?, ?, ?)
            """).execute(arguments: [kind.rawValue, source, staffId, now.timeIntervalSince1970])
        return db.lastInsertedRowID
    }

    /// Closes an import's record with its counts and rejections.
    func finish(_ summary: ImportSummary, at now: Date, in db: Database) throws {
        try db.cachedStatement(sql: """
            UPDATE households_imports SET finished_at = ?, rows = ?, added = ?, updated = ?, unchanged = ?, departed = ?,
                rejected = ? WHERE import_id = ?
            """).execute(arguments: [now.timeIntervalSince1970, summary.rows, summary.added, summary.updated, summary.unchanged,
                                     summary.departed, summary.rejected.count, summary.importId])
        for rejection in summary.rejected {
            try db.cachedStatement(sql: """
                INSERT OR IGNORE INTO households_import_rejections (import_id, line, field, code) VALUES (?, ?, ?, ?)
                """).execute(arguments: [summary.importId, rejection.line, rejection.field, rejection.code])
        }
    }
}
