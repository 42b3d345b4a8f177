import Foundation

/// A fresh, empty folder for one test's files.
struct TemporaryFolder {
    let path: String

    func file(_ name: String) -> String {
        URL(fileURLWithPath: path).appendingPathComponent(name).path
    }

    /// Runs `body` with a new folder under the system's temporary directory, removed afterwards.
    static func with(_ body: (TemporaryFolder) async throws -> Void) async throws {
        let folder = TemporaryFolder(
            path: FileManager.default.temporaryDirectory
                .appendingPathComponent("ServiceKitTests-\(UUID().uuidString)").path
        )
        try FileManager.default.createDirectory(atPath: folder.path, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder.path) }
        try await body(folder)
    }
}
