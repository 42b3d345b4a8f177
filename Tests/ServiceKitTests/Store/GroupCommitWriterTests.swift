import GRDB
import ServiceKit
import Synchronization
import Testing

@Suite struct GroupCommitWriterTests {
    struct Refused: Error {}

    /// Counts the commits SQLite made, as a transaction observer sees them.
    final class CommitCounter: TransactionObserver, Sendable {
        let commits = Mutex(0)
        func observes(eventsOfKind eventKind: DatabaseEventKind) -> Bool { true }
        func databaseDidChange(with event: DatabaseEvent) {}
        func databaseDidCommit(_ db: Database) { commits.withLock { $0 += 1 } }
        func databaseDidRollback(_ db: Database) {}
    }

    private func store(in folder: TemporaryFolder) throws -> ServiceStore {
        var migrator = ServiceStore.migrator()
        migrator.registerMigration("requests") { db in
            try db.execute(sql: "CREATE TABLE requests (code TEXT PRIMARY KEY)")
        }
        return try ServiceStore(path: folder.file("store.sqlite"), migrator: migrator)
    }

    @Test func concurrentCallersShareCommitsAndEachGetsItsResult() async throws {
        try await TemporaryFolder.with { folder in
            let store = try store(in: folder)
            let counter = CommitCounter()
            try await store.database.write { db in db.add(transactionObserver: counter, extent: .databaseLifetime) }
            let writer = GroupCommitWriter(database: store.database)
            let codes = try await withThrowingTaskGroup(of: String.self) { group in
                for index in 0..<200 {
                    group.addTask {
                        try await writer.write { db in
                            try db.execute(sql: "INSERT INTO requests (code) VALUES (?)", arguments: ["R-\(index)"])
                            return "R-\(index)"
                        }
                    }
                }
                return try await group.reduce(into: Set<String>()) { $0.insert($1) }
        }
        #expect(codes.count == 200)
        let stored = try await store.database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM requests") }
        #expect(stored == 200)
        let commits = counter.commits.withLock { $0 }
        #expect(commits < 200, "200 callers took \(commits) commits")
        }
    }

    @Test func aFailingCallerIsRolledBackAloneAndHearsItsOwnError() async throws {
        try await TemporaryFolder.with { folder in
            let store = try store(in: folder)
            let writer = GroupCommitWriter(database: store.database)
            let results = await withTaskGroup(of: (String, Bool).self) { group in
                for code in ["A", "B", "C"] {
                    group.addTask {
                        do {
                            try await writer.write { db in
                                try db.execute(sql: "INSERT INTO requests (code) VALUES (?)", arguments: [code])
                                if code == "B" { throw Refused() }
                            }
                            return (code, true)
                        } catch {
                            return (code, !(error is Refused))
                        }
                    }
                }
                return await group.reduce(into: [String: Bool]()) { $0[$1.0] = $1.1 }
            }
            #expect(results == ["A": true, "B": false, "C": true])
            let codes = try await store.database.read { db in
                try String.fetchAll(db, sql: "SELECT code FROM requests ORDER BY code")
            }
            #expect(codes == ["A", "C"])
        }
    }
}
