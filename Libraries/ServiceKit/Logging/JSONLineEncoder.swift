import Logging

/// Writes each event as one JSON object on one line, for log collectors that parse JSON.
///
/// The keys come in a fixed order (`ts`, `level`, `service`, `msg`, then metadata sorted by key),
/// so lines also read well to a person; nested metadata becomes nested arrays and objects.
public enum JSONLineEncoder: LogLineEncoder {
    public static func line(for record: LogRecord) -> String {
        var line = "{\"ts\":\"\(record.timestampText)\""
        line += ",\"level\":\"\(record.level.rawValue)\""
        line += ",\"service\":" + string(record.service)
        line += ",\"msg\":" + string(record.message)
        for (key, value) in record.metadata {
            line += "," + string(key) + ":" + json(value)
        }
        return line + "}"
    }

    /// `text` as a quoted JSON string; logfmt quotes its values the same way.
    static func string(_ text: String) -> String {
        var quoted = ""
        append(quoted: text, to: &quoted)
        return quoted
    }

    /// Appends `text` to `line` as a quoted JSON string: whole when nothing in it needs escaping
    /// (most messages: words and spaces), otherwise scalar by scalar.
    static func append(quoted text: String, to line: inout String) {
        line += "\""
        defer { line += "\"" }
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else {
            line += text
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": line += "\\\""
            case "\\": line += "\\\\"
            case "\n": line += "\\n"
            case "\r": line += "\\r"
            case "\t": line += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                line += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: line.unicodeScalars.append(scalar)
            }
        }
    }

    private static func json(_ value: Logger.MetadataValue) -> String {
        switch value {
        case .string(let text):
            return string(text)
        case .stringConvertible(let convertible):
            return string(convertible.description)
        case .array(let values):
            return "[" + values.map(json).joined(separator: ",") + "]"
        case .dictionary(let values):
            let members = values.sorted { $0.key < $1.key }.map { string($0.key) + ":" + json($0.value) }
            return "{" + members.joined(separator: ",") + "}"
        }
    }
}

/// Writes each event as one JSON object per line; see ``JSONLineEncoder``.
public typealias JSONLogHandler = LineLogHandler<JSONLineEncoder>
