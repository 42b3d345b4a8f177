/// Writes each event as one logfmt line: `key=value` pairs separated by spaces, the default format.
///
/// A value is written bare unless it is empty or holds a space, a control character, `=` or `"`;
/// then it is quoted and escaped like a JSON string, as other logfmt tools expect.
public enum LogfmtEncoder: LogLineEncoder {
    public static func line(for record: LogRecord) -> String {
        var line = "ts=\(record.timestampText) level=\(record.level.rawValue)"
        line += " service=" + value(record.service)
        line += " msg=" + value(record.message)
        for (key, metadataValue) in record.metadata {
            line += " \(key)=" + value(metadataValue.description)
        }
        return line
    }

    private static func value(_ text: String) -> String {
        let needsQuotes = text.isEmpty || text.unicodeScalars.contains { scalar in
            scalar.value <= 0x20 || scalar == "=" || scalar == "\""
        }
        return needsQuotes ? JSONLineEncoder.string(text) : text
    }
}

/// Writes each event as one logfmt line, the default; see ``LogfmtEncoder``.
public typealias LogfmtLogHandler = LineLogHandler<LogfmtEncoder>
