import GRDB
import Messaging
import Synchronization
import TestSupport
import Testing

/// A ``CommitHook`` runs once per committed transaction that armed it, however often that
/// transaction armed it, never for a rolled-back one, and again for every later transaction.
@Suite struct CommitHookTests {
    @Test func itRunsOnceForEachCommittedTransactionThatArmedIt() throws {
        let store = try TemporaryStore()
        let runs = Mutex(0)
        let hook = CommitHook { runs.withLock { $0 += 1 } }

        try store.pool.write { db in
            for _ in 0..<500 { hook.arm(in: db) }
            #expect(runs.withLock { $0 } == 0, "not before the commit")
        }
        #expect(runs.withLock { $0 } == 1)

        try store.pool.write { db in hook.arm(in: db) }
        try store.pool.write { _ in }
        #expect(runs.withLock { $0 } == 2, "armed again by the next transaction, not by one that did not arm it")
    }

    @Test func aRolledBackTransactionDoesNotRunItAndTheNextOneArmsItAfresh() throws {
        let store = try TemporaryStore()
        let runs = Mutex(0)
        let hook = CommitHook { runs.withLock { $0 += 1 } }
        struct Refused: Error {}

        #expect(throws: Refused.self) {
            try store.pool.write { db in
                hook.arm(in: db)
                throw Refused()
            }
        }
        #expect(runs.withLock { $0 } == 0)
        try store.pool.write { db in hook.arm(in: db) }
        #expect(runs.withLock { $0 } == 1)
    }
}
