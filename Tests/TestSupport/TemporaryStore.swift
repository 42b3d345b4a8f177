import Foundation
import GRDB
import Messaging
import PersonalData

/// A real SQLite file in a fresh temporary folder, with the messaging tables
/// and whatever the test adds.
public struct TemporaryStore: Sendable {
    public let pool: DatabasePool
    public let path: String

    /// - Parameters:
    ///   - parent: where the store's fresh folder goes; the system's temporary folder by default.
    ///   - busyTimeout: how long a write waits for another writer's lock, as a service's store
    ///     waits; by default it fails at once.
    public init(in parent: URL = FileManager.default.temporaryDirectory, busyTimeout: TimeInterval? = nil,
                migrations: @escaping @Sendable (inout DatabaseMigrator) -> Void = { _ in }) throws {
        pool = try Self.emptyPool(in: parent, busyTimeout: busyTimeout)
        path = pool.path
        var migrator = DatabaseMigrator()
        MessagingSchema.register(in: &migrator)
        migrations(&migrator)
        try migrator.migrate(pool)
    }

    /// A new SQLite file in a fresh temporary folder, migrated by `migrator` up to `last` only:
    /// a store as the version whose newest migration was `last` left it.
    public static func earlierVersion(of migrator: DatabaseMigrator, upTo last: String) throws -> DatabasePool {
        let pool = try emptyPool()
        try migrator.migrate(pool, upTo: last)
        return pool
    }

    /// A personal-data protector with a test key of 32 `byte`s under `id`.
    public static func protector(_ byte: UInt8, id: String = "1", previous: [PersonalDataKey] = []) -> PersonalDataProtector {
        PersonalDataProtector(key: try! PersonalDataKey(id: id, base64: Data(repeating: byte, count: 32).base64EncodedString()),
                              previous: previous)
    }

    private static func emptyPool(in parent: URL = FileManager.default.temporaryDirectory,
                                  busyTimeout: TimeInterval? = nil) throws -> DatabasePool {
        let folder = parent.appendingPathComponent("evn-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var configuration = Configuration()
        if let busyTimeout { configuration.busyMode = .timeout(busyTimeout) }
        return try DatabasePool(path: folder.appendingPathComponent("store.sqlite").path, configuration: configuration)
    }
}
