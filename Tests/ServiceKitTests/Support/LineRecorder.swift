import Foundation

/// Collects the lines a log handler writes, in place of standard output.
final class LineRecorder: Sendable {
    private let lock = NSLock()
    nonisolated(unsafe) private var recorded: [String] = []

    var lines: [String] {
        lock.withLock { recorded }
    }

    @Sendable func record(_ line: String) {
        lock.withLock { recorded.append(line) }
    }
}
