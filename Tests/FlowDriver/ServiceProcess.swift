import Foundation
import Synchronization
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// One service executable running as its own process, its output appended to a log file.
///
/// The harness starts the real binaries, as an operator would, so what it proves holds for
/// the deployed system: separate address spaces, separate SQLite files, the broker between
/// them. `kill()` is `kill -9`: no shutdown hook runs, nothing is flushed.
public final class ServiceProcess: Sendable {
    /// The instance's name: its executable's (`crm`), or a shard's (`crm.pc05`).
    public let name: String
    /// Where the service's HTTP API listens.
    public let baseURL: String
    /// The file its standard output and error are appended to, across restarts.
    public let logFile: URL
    private let executable: URL
    private let environment: [String: String]
    private let process = Mutex<Process?>(nil)

    init(name: String, executable: URL, environment: [String: String], port: Int, logFile: URL) {
        self.name = name
        self.executable = executable
        self.environment = environment
        self.baseURL = "http://127.0.0.1:\(port)"
        self.logFile = logFile
    }

    /// Starts the process (again, after a stop or kill).
    public func start() throws {
        if !FileManager.default.fileExists(atPath: logFile.path) {
            _ = FileManager.default.createFile(atPath: logFile.path, contents: nil)
        }
        let output = try FileHandle(forWritingTo: logFile)
        output.seekToEndOfFile()
        let process = Process()
        process.executableURL = executable
        process.arguments = ["serve"]
        process.environment = environment
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        try output.close()
        self.process.withLock { $0 = process }
    }

    /// `kill -9`: the process dies at once, mid-transaction or mid-publish as it may be.
    public func kill() {
        guard let running = process.withLock({ $0 }), running.isRunning else { return }
        Glibc.kill(running.processIdentifier, SIGKILL)
        running.waitUntilExit()
    }

    /// SIGTERM, as `docker stop` sends; SIGKILL if it has not exited within `grace`.
    public func stop(grace: Duration = .seconds(10)) async {
        guard let running = process.withLock({ $0 }), running.isRunning else { return }
        Glibc.kill(running.processIdentifier, SIGTERM)
        let deadline = ContinuousClock.now + grace
        while running.isRunning, ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(50))
        }
        kill()
    }

    /// Whether the process is alive.
    public var isRunning: Bool {
        process.withLock { $0?.isRunning ?? false }
    }

    /// The running process's id, to read what the kernel counts against it under `/proc`.
    public var processIdentifier: Int32? {
        process.withLock { $0.flatMap { $0.isRunning ? $0.processIdentifier : nil } }
    }

    /// Everything the service has logged so far.
    public func log() throws -> String {
        try String(contentsOf: logFile, encoding: .utf8)
    }
}
