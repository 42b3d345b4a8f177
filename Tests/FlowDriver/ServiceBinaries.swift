import Foundation
import TestSupport

/// Where the service executables are: `SERVICE_BIN_DIR`, else beside the running binary
/// (`swift build` puts the test bundle, the benchmark and the services in one folder).
public enum ServiceBinaries {
    public static func locate(_ services: [String]) throws -> [String: URL] {
        let environment = ProcessInfo.processInfo.environment
        let folder = environment["SERVICE_BIN_DIR"].map { URL(fileURLWithPath: $0) }
            ?? URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        var found: [String: URL] = [:]
        for service in services {
            let binary = folder.appendingPathComponent(service)
            guard FileManager.default.isExecutableFile(atPath: binary.path) else {
                throw FixtureError("no \(service) executable in \(folder.path): build the services first (swift build), or set SERVICE_BIN_DIR")
            }
            found[service] = binary
        }
        return found
    }
}
