import Foundation

/// The `value; name=value; name="quoted value"` syntax of Content-Type and
/// Content-Disposition (RFC 2045 §5.1), with RFC 2231 extended values
/// (`filename*=UTF-8''%C4%90i%E1%BB%87n.pdf`), which is how mail programs send a
/// Vietnamese file name.
enum HeaderParameters {
    /// The fields between semicolons, semicolons inside quotes kept, each trimmed.
    static func split(_ value: String) -> [String] {
        var fields: [String] = []
        var current = ""
        var inQuotes = false
        var escaped = false
        for character in value {
            if escaped {
                current.append(character)
                escaped = false
            } else if character == "\\" && inQuotes {
                current.append(character)
                escaped = true
            } else if character == "\"" {
                inQuotes.toggle()
                current.append(character)
            } else if character == ";" && !inQuotes {
                fields.append(current.trimmed)
                current = ""
            } else {
                current.append(character)
            }
        }
        fields.append(current.trimmed)
        return fields.filter { !$0.isEmpty }
    }

    /// `name=value` fields as a dictionary: names in lower case, quoted values unquoted,
    /// `name*` values decoded (and taking the place of `name`), encoded-words in values decoded
    /// (what many mail programs send instead of RFC 2231).
    static func parameters<Fields: Sequence<String>>(_ fields: Fields) -> [String: String] {
        var result: [String: String] = [:]
        var extended: [String: String] = [:]
        for field in fields {
            guard let equals = field.firstIndex(of: "=") else { continue }
            let name = field[..<equals].trimmed.lowercased()
            var value = field[field.index(after: equals)...].trimmed
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") {
                value = String(value.dropFirst().dropLast()).replacingOccurrences(of: "\\\"", with: "\"")
                    .replacingOccurrences(of: "\\\\", with: "\\")
            }
            if name.hasSuffix("*") {
                extended[String(name.dropLast())] = extendedValue(value)
            } else {
                result[name] = MIMEDecoding.decodeEncodedWords(value)
            }
        }
        return result.merging(extended.compactMapValues { $0 }) { _, extended in extended }
    }

    /// An RFC 2231 `charset'language'percent-encoded` value, decoded; nil when it does not decode.
    private static func extendedValue(_ value: String) -> String? {
        let pieces = value.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
        guard pieces.count == 3 else { return value.removingPercentEncoding }
        var bytes: [UInt8] = []
        var iterator = Array(pieces[2].utf8).makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%"), let high = iterator.next(), let low = iterator.next(),
               let decoded = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16) {
                bytes.append(decoded)
            } else {
                bytes.append(byte)
            }
        }
        return MIMEDecoding.text(bytes, charset: String(pieces[0]))
    }
}
