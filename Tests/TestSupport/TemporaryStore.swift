import Foundation
import GRDB
import Messaging

/// A real SQLite file in a fresh temporary folder, with the messaging tables
/// and whatever the test adds.
public struct TemporaryStore: Sendable {
    public let pool: DatabasePool
    public let path: String

    /// - Parameter parent: where the store's fresh folder goes; the system's temporary folder by default.
    public init(in parent: URL = FileManager.default.temporaryDirectory,
                migrations: @escaping @Sendable (inout DatabaseMigrator) -> Void = { _ in }) throws {
        let folder = parent.appendingPathComponent("evn-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        path = folder.appendingPathComponent("store.sqlite").path
        pool = try DatabasePool(path: path)
        var migrator = DatabaseMigrator()
        MessagingSchema.register(in: &migrator)
        migrations(&migrator)
        try migrator.migrate(pool)
    }
}
