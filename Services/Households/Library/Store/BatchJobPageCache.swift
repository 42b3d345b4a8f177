import GRDB
import Synchronization

/// The writer's page cache while batch jobs over the whole store run (an import, the residence
/// pass): 160 MiB instead of SQLite's 2 MiB default, restored when the last of them ends.
///
/// A job that walks hundreds of thousands of dossiers and members touches their tables and
/// indexes in no order the default cache can hold, so it reads their pages back from the file
/// again and again: a quarter of a residence pass went to `pread`.
///
/// Jobs overlap (an import uploaded while the pass runs): the first to start enlarges the cache
/// and the last to end restores it, so one ending never shrinks the cache under another, and
/// none leaves it enlarged for good. One of these serves every job on a store.
final class BatchJobPageCache: Sendable {
    /// In KiB, SQLite's negative form.
    static let size = -163_840

    private let database: DatabasePool
    /// The jobs running and the size the last of them restores. Changed only on the writer's
    /// queue, beside the pragma it goes with.
    private let state = Mutex<(jobs: Int, previous: Int)>((0, 0))

    init(database: DatabasePool) {
        self.database = database
    }

    /// Runs `job` with the writer's page cache enlarged; `finished` runs on the writer after the
    /// job has ended (and not when it throws), with the cache restored if it was the last job.
    func run<T: Sendable>(_ job: () async throws -> T,
                          finished: @escaping @Sendable (Database) throws -> Void = { _ in }) async throws -> T {
        try await database.writeWithoutTransaction { db in try self.start(in: db) }
        do {
            let result = try await job()
            try await database.writeWithoutTransaction { db in
                try self.end(in: db)
                try finished(db)
            }
            return result
        } catch {
            try? await database.writeWithoutTransaction { db in try self.end(in: db) }
            throw error
        }
    }

    private func start(in db: Database) throws {
        try state.withLock { state in
            if state.jobs == 0 {
                state.previous = try Int.fetchOne(db.cachedStatement(sql: "PRAGMA cache_size"))!
                try db.execute(sql: "PRAGMA cache_size = \(Self.size)")
            }
            state.jobs += 1
        }
    }

    private func end(in db: Database) throws {
        try state.withLock { state in
            state.jobs -= 1
            if state.jobs == 0 { try db.execute(sql: "PRAGMA cache_size = \(state.previous)") }
        }
    }
}
