import Logging
import Synchronization

/// Keeps every log line a component writes, so a test can assert what an operator would read.
public final class CapturedLogs: Sendable {
    public struct Line: Sendable {
        public var level: Logger.Level
        public var message: String
        public var metadata: [String: String]
    }

    private let lines = Mutex<[Line]>([])

    public init() {}

    /// A logger that writes into this capture.
    public func logger(_ label: String, level: Logger.Level = .info) -> Logger {
        var logger = Logger(label: label) { _ in Handler(capture: self) }
        logger.logLevel = level
        return logger
    }

    public var all: [Line] { lines.withLock { $0 } }

    public func contains(_ message: String, where metadataKey: String? = nil, is value: String? = nil) -> Bool {
        all.contains { line in
            line.message.contains(message) && (metadataKey.map { line.metadata[$0] == value } ?? true)
        }
    }

    fileprivate func append(_ line: Line) {
        lines.withLock { $0.append(line) }
    }

    private struct Handler: LogHandler {
        let capture: CapturedLogs
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            var merged = metadata
            event.metadata?.forEach { merged[$0.key] = $0.value }
            capture.append(Line(level: event.level, message: "\(event.message)",
                                metadata: merged.mapValues { "\($0)" }))
        }
    }
}
