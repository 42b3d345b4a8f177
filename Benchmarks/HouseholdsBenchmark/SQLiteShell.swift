import Foundation

/// The `sqlite3` command-line tool, as both baselines run it: one process per step on one
/// database file, its script on standard input, timed from launch to exit (the process start
/// is a few milliseconds of steps that take seconds).
struct SQLiteShell {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    let executable: String
    let database: String

    /// Finds `sqlite3` on the PATH.
    init(database: String) throws {
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":")
        guard let found = directories.map({ "\($0)/sqlite3" }).first(where: FileManager.default.isExecutableFile(atPath:)) else {
            throw Failure(description: "sqlite3 is not on the PATH (scripts/bench-households.sh installs it)")
        }
        executable = found
        self.database = database
    }

    /// Runs one `sqlite3` process with `script` on standard input; fails on any complaint.
    func run(_ script: String) throws -> (output: String, elapsed: Duration) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["-batch", "-bail", database]
        let input = Pipe()
        let output = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        let started = ContinuousClock.now
        try process.run()
        try input.fileHandleForWriting.write(contentsOf: Data((script + "\n").utf8))
        try input.fileHandleForWriting.close()
        let printed = output.fileHandleForReading.readDataToEndOfFile()
        let complaints = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let elapsed = ContinuousClock.now - started
        guard process.terminationStatus == 0, complaints.isEmpty else {
            throw Failure(description: "sqlite3 failed (\(process.terminationStatus)): \(String(decoding: complaints, as: UTF8.self))")
        }
        return (String(decoding: printed, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines), elapsed)
    }

    /// `path` as a dot-command argument: double-quoted, backslashes and quotes escaped.
    static func quoted(_ path: String) -> String {
        "\"" + path.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
