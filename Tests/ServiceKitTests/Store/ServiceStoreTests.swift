import Foundation
import GRDB
import Testing
import ServiceKit

@Suite struct ServiceStoreTests {
    /// A schema with one table whose first migration also leaves a row, so a re-run would show.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("create notes") { db in
            try db.execute(sql: "CREATE TABLE note (id INTEGER PRIMARY KEY, text TEXT NOT NULL)")
            try db.execute(sql: "INSERT INTO note (text) VALUES ('created by migration')")
        }
        return migrator
    }

    /// `synchronous` 2 is FULL: every commit is fsynced before it returns, so what the service
    /// acknowledges after a commit survives a power loss.
    @Test func opensInWALModeWithEveryCommitSyncedToDisk() async throws {
        try await TemporaryFolder.with { folder in
            let store = try ServiceStore(path: folder.file("intake.sqlite"), migrator: Self.migrator)

            let pragmas = try store.database.write { db in
                try Row.fetchOne(
                    db,
                    sql: """
                        SELECT journal_mode, synchronous, timeout, foreign_keys
                        FROM pragma_journal_mode, pragma_synchronous, pragma_busy_timeout, pragma_foreign_keys
                        """
                )
            }

            #expect(pragmas == ["journal_mode": "wal", "synchronous": 2, "timeout": 5000, "foreign_keys": 1])
        }
    }

    /// What an auditor reading the file would find of a deleted row (an outbox body carries
    /// personal data in the clear until it is confirmed and pruned): nothing, in rows that fit a
    /// page and in one that spills over several.
    @Test func aDeletedRowLeavesNothingReadableInTheFile() async throws {
        try await TemporaryFolder.with { folder in
            let path = folder.file("crm.sqlite")
            let store = try ServiceStore(path: path, migrator: Self.migrator)
            let personal = "079203001234 Nguyễn Thị Lan, 12 Phan Chu Trinh"
            try await store.database.write { db in
                for length in [300, 300, 300, 20_000] {
                    try db.execute(sql: "INSERT INTO note (text) VALUES (?)",
                                   arguments: [personal + String(repeating: " ", count: length)])
                }
            }
            try await store.database.write { db in
                try db.execute(sql: "DELETE FROM note WHERE text LIKE '079%'")
            }
            try await store.database.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
            }

            let file = try Data(contentsOf: URL(fileURLWithPath: path))
            #expect(try await store.database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM note") } == 1)
            #expect(file.range(of: Data("079203001234".utf8)) == nil)
            #expect(file.range(of: Data("Phan Chu Trinh".utf8)) == nil)
        }
    }

    @Test func createsTheDataFolderWhenMissing() async throws {
        try await TemporaryFolder.with { folder in
            let configuration = try ServiceConfiguration(
                service: "crm",
                environment: ["DATA_DIR": folder.file("nested/data"), "EVN_ENV": "development"]
            )

            _ = try ServiceStore(configuration: configuration, migrator: Self.migrator)

            #expect(FileManager.default.fileExists(atPath: folder.file("nested/data/crm.sqlite")))
        }
    }

    @Test func migrationsRunOnceAcrossReopens() async throws {
        try await TemporaryFolder.with { folder in
            let path = folder.file("outage.sqlite")
            try ServiceStore(path: path, migrator: Self.migrator).database.close()

            var extended = Self.migrator
            extended.registerMigration("add note author") { db in
                try db.execute(sql: "ALTER TABLE note ADD COLUMN author TEXT")
            }
            let store = try ServiceStore(path: path, migrator: extended)

            let (notes, columns) = try await store.database.read { db in
                (try Int.fetchOne(db, sql: "SELECT count(*) FROM note"), try db.columns(in: "note").map(\.name))
            }

            #expect(notes == 1)
            #expect(columns == ["id", "text", "author"])
        }
    }

    @Test func backupIsAReadableCopyWhileAWriterIsActive() async throws {
        try await TemporaryFolder.with { folder in
            let store = try ServiceStore(path: folder.file("households.sqlite"), migrator: Self.migrator)
            let (writing, writingStarted) = AsyncStream.makeStream(of: Void.self)
            let backupDone = DispatchSemaphore(value: 0)

            let writer = Task {
                try await store.database.write { db in
                    try db.execute(sql: "INSERT INTO note (text) VALUES ('in flight')")
                    writingStarted.yield()
                    backupDone.wait()
                }
            }
            for await _ in writing { break }
            try store.backup(to: folder.file("backup.sqlite"))
            backupDone.signal()
            try await writer.value

            let copy = try DatabaseQueue(path: folder.file("backup.sqlite"))
            let (integrity, notes) = try await copy.read { db in
                (
                    try String.fetchOne(db, sql: "PRAGMA integrity_check"),
                    try String.fetchAll(db, sql: "SELECT text FROM note")
                )
            }

            #expect(integrity == "ok")
            #expect(notes == ["created by migration"])
        }
    }

    @Test func theReadinessCheckPassesWhileTheStoreAnswers() async throws {
        try await TemporaryFolder.with { folder in
            let store = try ServiceStore(path: folder.file("metering.sqlite"), migrator: Self.migrator)
            let check = StoreReadinessCheck(store: store)

            #expect(check.name == "store")
            #expect(try await check.check())
        }
    }
}
