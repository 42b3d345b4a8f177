/// A format of log line: turns one ``LogRecord`` into one line of text.
///
/// Each line starts with `ts` (ISO 8601, UTC, milliseconds), `level`, `service` and `msg`,
/// followed by the metadata sorted by key, so that operators find the same field in the same place.
public protocol LogLineEncoder: Sendable {
    /// The line for a record, without the trailing newline.
    static func line(for record: LogRecord) -> String
}
