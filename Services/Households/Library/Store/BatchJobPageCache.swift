import GRDB

/// The writer's page cache while a batch job over the whole store runs (an import, the
/// residence pass): 160 MiB instead of SQLite's 2 MiB default, restored afterwards.
///
/// A job that walks hundreds of thousands of dossiers and members touches their tables and
/// indexes in no order the default cache can hold, so nearly every row read its pages back
/// from the file: a third of a residence pass went to `pread`.
enum BatchJobPageCache {
    /// In KiB, SQLite's negative form.
    static let size = -163_840

    /// Runs `job` with the writer's page cache enlarged; `restored` runs on the writer with the
    /// previous size back, before the job's result is returned (and not when the job throws).
    static func run<T: Sendable>(on database: DatabasePool, _ job: () async throws -> T,
                                 restored: @escaping @Sendable (Database) throws -> Void = { _ in }) async throws -> T {
        let previous = try await database.writeWithoutTransaction { db in
            let previous = try Int.fetchOne(db.cachedStatement(sql: "PRAGMA cache_size"))!
            try db.execute(sql: "PRAGMA cache_size = \(size)")
            return previous
        }
        do {
            let result = try await job()
            try await database.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA cache_size = \(previous)")
                try restored(db)
            }
            return result
        } catch {
            try? await database.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA cache_size = \(previous)") }
            throw error
        }
    }
}
