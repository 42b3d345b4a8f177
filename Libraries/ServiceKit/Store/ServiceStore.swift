import Foundation
import GRDB
import Messaging

/// A service's own SQLite database, opened the way every service opens it.
///
/// One writer and concurrent readers (a GRDB `DatabasePool` in WAL mode), so that HTTP look-ups
/// never wait for a message handler's transaction. Writers that meet a lock wait up to 5 seconds
/// instead of failing; foreign keys are enforced. The schema is migrated before the store is
/// handed out, so no code ever sees an old schema.
///
/// `synchronous = FULL`: every commit is fsynced to the write-ahead log before the commit
/// returns, so what a service acknowledged after it — a message acked, a 201 answered, an outbox
/// row published and confirmed — survives a power loss or a kernel crash, not only a crash of
/// the process. (`NORMAL` syncs only at checkpoints in WAL mode: the last transactions before a
/// power loss can vanish although they were acknowledged.) The fsync is paid once per commit,
/// and ``GroupCommitWriter`` shares one commit among the requests that arrive together.
///
/// `secure_delete = ON`: SQLite overwrites a deleted row's bytes with zeros instead of leaving
/// them in the file's free pages. Outbox bodies carry personal data in the clear until the broker
/// confirms them; once pruned, nothing of them stays readable in the store file. Debian's SQLite
/// is built with it on; the store sets it so as not to depend on how SQLite was built.
public struct ServiceStore: Sendable {
    /// The database: `write` for changes (one transaction at a time), `read` for look-ups.
    public let database: DatabasePool

    /// Opens (or creates) the store at `path` and brings its schema up to date.
    ///
    /// - Parameters:
    ///   - path: The SQLite file; its folder is created if missing.
    ///   - migrator: The service's schema, as named migrations registered in order. Migrations
    ///     already applied to the file are skipped.
    /// - Throws: A file-system error if the folder cannot be created, or a `DatabaseError` if the
    ///   file cannot be opened or a migration fails.
    public init(path: String, migrator: DatabaseMigrator) throws {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)

        var configuration = Configuration()
        configuration.busyMode = .timeout(5)
        configuration.foreignKeysEnabled = true
        database = try DatabasePool(path: path, configuration: configuration)
        // Set on the pool's one writer connection, after GRDB has switched it to WAL (which sets
        // NORMAL); readers never write, so their settings do not matter.
        try database.writeWithoutTransaction { db in
            try db.cachedStatement(sql: "PRAGMA synchronous = FULL").execute()
            try db.cachedStatement(sql: "PRAGMA secure_delete = ON").execute()
        }
        try migrator.migrate(database)
    }

    /// A migrator that already holds the messaging tables (outbox, inbox);
    /// each service registers its own migrations after them.
    public static func migrator() -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        MessagingSchema.register(in: &migrator)
        return migrator
    }

    /// Opens the store of the configured service, `<DATA_DIR>/<service>.sqlite`.
    ///
    /// - Parameters:
    ///   - configuration: The service's configuration; gives the file's path.
    ///   - migrator: The service's schema, as named migrations registered in order.
    public init(configuration: ServiceConfiguration, migrator: DatabaseMigrator) throws {
        try self.init(path: configuration.storePath, migrator: migrator)
    }

    /// Copies the whole database into a single SQLite file at `path`, while the service runs.
    ///
    /// The copy is one consistent snapshot: writers carry on during the backup and their later
    /// changes are not in it. A file already at `path` is overwritten.
    ///
    /// - Parameter path: Where to write the copy; its folder must exist.
    public func backup(to path: String) throws {
        let copy = try DatabaseQueue(path: path)
        try database.backup(to: copy)
    }
}
