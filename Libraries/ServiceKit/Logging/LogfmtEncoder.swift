/// Writes each event as one logfmt line: `key=value` pairs separated by spaces, the default format.
///
/// A value is written bare unless it is empty or holds a space, a control character, `=` or `"`;
/// then it is quoted and escaped like a JSON string, as other logfmt tools expect.
public enum LogfmtEncoder: LogLineEncoder {
    public static func line(for record: LogRecord) -> String {
        // Appended piece by piece into one buffer: every message a service handles logs a line.
        var line = "ts="
        line.reserveCapacity(160 + record.message.utf8.count)
        line += record.timestampText
        line += " level="
        line += record.level.rawValue
        line += " service="
        append(record.service, to: &line)
        line += " msg="
        append(record.message, to: &line)
        for (key, metadataValue) in record.metadata {
            line += " "
            line += key
            line += "="
            append(metadataValue.description, to: &line)
        }
        return line
    }

    private static func append(_ value: String, to line: inout String) {
        let needsQuotes = value.isEmpty || value.utf8.contains { byte in
            byte <= 0x20 || byte == UInt8(ascii: "=") || byte == UInt8(ascii: "\"")
        }
        if needsQuotes {
            JSONLineEncoder.append(quoted: value, to: &line)
        } else {
            line += value
        }
    }
}

/// Writes each event as one logfmt line, the default; see ``LogfmtEncoder``.
public typealias LogfmtLogHandler = LineLogHandler<LogfmtEncoder>
