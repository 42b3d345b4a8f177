import GRDB
import Messaging

/// Writes many callers' transactions with one SQLite commit.
///
/// A commit is the expensive part of a small write (the WAL append and, as the
/// stores run `synchronous=FULL`, its fsync: 1 to 1.7 ms on the development
/// machine's disk, under 0.1 ms without the fsync), and SQLite takes one writer at a
/// time, so a service that commits once per request caps at a few hundred
/// requests a second whatever its CPU. Callers that arrive while a commit is under way
/// are gathered and written together at the next one: each caller's work runs
/// in its own savepoint, so one that throws is rolled back alone and gets its
/// error, the others commit. A caller resumes only after the shared commit, so
/// what it wrote (its state change and its outbox messages) is durable when
/// it answers.
public actor GroupCommitWriter {
    private struct Job: Sendable {
        /// Runs the caller's work inside the shared transaction; returns how to
        /// resume the caller once that transaction has committed.
        let perform: @Sendable (Database) -> @Sendable () -> Void
        /// Resumes the caller when the shared commit failed: nothing of its work was written.
        let fail: @Sendable (any Error) -> Void
    }

    private let database: any DatabaseWriter
    private let maxBatch: Int
    private var pending: [Job] = []
    private var flushing = false

    /// - Parameters:
    ///   - database: the store to write.
    ///   - maxBatch: the most callers one commit serves, so that a burst cannot hold the write lock for long.
    public init(database: any DatabaseWriter, maxBatch: Int = 256) {
        self.database = database
        self.maxBatch = maxBatch
    }

    /// Runs `work` in a transaction shared with concurrent callers and returns its result after the commit.
    public func write<T: Sendable>(_ work: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
            pending.append(Job(perform: { db in
                let outcome: Result<T, any Error>
                do {
                    outcome = .success(try CachedSavepoint.run(in: db) { try work(db) })
                } catch {
                    outcome = .failure(error)
                }
                return { continuation.resume(with: outcome) }
            }, fail: { error in
                continuation.resume(throwing: error)
            }))
            if !flushing {
                flushing = true
                Task { await flush() }
            }
        }
    }

    private func flush() async {
        while !pending.isEmpty {
            let batch = Array(pending.prefix(maxBatch))
            pending.removeFirst(batch.count)
            do {
                let resumes = try await database.write { db in batch.map { $0.perform(db) } }
                resumes.forEach { $0() }
            } catch {
                batch.forEach { $0.fail(error) }
            }
        }
        flushing = false
    }
}
