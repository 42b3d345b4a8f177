import Synchronization

/// Collects the lines a log handler writes, in place of standard output.
final class LineRecorder: Sendable {
    private let recorded = Mutex<[String]>([])

    var lines: [String] {
        recorded.withLock { $0 }
    }

    @Sendable func record(_ line: String) {
        recorded.withLock { $0.append(line) }
    }
}
