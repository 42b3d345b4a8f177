import Foundation

/// A received message (or one part of a multipart message), parsed the way a
/// mail client would, independently of how `Mail` writes it: unfolded headers,
/// RFC 2047 decoding, base64 bodies, multipart boundaries.
public struct MIMEEntity: Sendable {
    /// Header fields in order, unfolded, values as written (not decoded).
    public let headers: [(name: String, value: String)]
    /// The raw body, after the blank line.
    public let body: String

    public init(_ bytes: [UInt8]) throws {
        guard let text = String(validating: bytes, as: UTF8.self) else { throw FixtureError("the message is not UTF-8") }
        guard let blank = text.range(of: "\r\n\r\n") else { throw FixtureError("no blank line after the headers") }
        var headers: [(name: String, value: String)] = []
        for line in text[..<blank.lowerBound].components(separatedBy: "\r\n") {
            if line.first == " " || line.first == "\t" {
                guard !headers.isEmpty else { throw FixtureError("continuation line before any header") }
                headers[headers.count - 1].value += line  // unfolding: the CRLF goes, the space stays
            } else {
                guard let colon = line.firstIndex(of: ":") else { throw FixtureError("not a header line: \(line)") }
                headers.append((String(line[..<colon]), String(line[line.index(after: colon)...])))
            }
        }
        self.headers = headers.map { ($0.name, $0.value.trimmingCharacters(in: .whitespaces)) }
        body = String(text[blank.upperBound...])
    }

    /// All values of a header, case-insensitive name.
    public func values(_ name: String) -> [String] {
        headers.filter { $0.name.caseInsensitiveCompare(name) == .orderedSame }.map(\.value)
    }

    /// The only value of a header; fails when it is missing or repeated.
    public func value(_ name: String) throws -> String {
        let values = values(name)
        guard values.count == 1 else { throw FixtureError("expected one \(name) header, found \(values.count)") }
        return values[0]
    }

    /// A header's value with RFC 2047 encoded-words decoded.
    public func decoded(_ name: String) throws -> String {
        try EncodedWords.decode(try value(name))
    }

    /// The envelope recipients the sink recorded.
    public var envelopeTo: [String] {
        values("X-Envelope-To").flatMap { $0.components(separatedBy: ", ") }
    }

    /// `text/plain`, `multipart/alternative`, ... (lower case) and the parameters.
    public func contentType() throws -> (mediaType: String, parameters: [String: String]) {
        let fields = try value("Content-Type").split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        var parameters: [String: String] = [:]
        for field in fields.dropFirst() {
            guard let equals = field.firstIndex(of: "=") else { continue }
            var value = String(field[field.index(after: equals)...])
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            parameters[field[..<equals].lowercased()] = value
        }
        return (fields[0].lowercased(), parameters)
    }

    /// The body after its Content-Transfer-Encoding, as UTF-8 text (strictly: invalid UTF-8 fails).
    public func decodedText() throws -> String {
        let encoding = values("Content-Transfer-Encoding").first?.lowercased() ?? "7bit"
        switch encoding {
        case "base64":
            let compact = body.filter { !$0.isWhitespace }
            guard let data = Data(base64Encoded: compact) else { throw FixtureError("the body is not valid base64") }
            guard let text = String(validating: Array(data), as: UTF8.self) else { throw FixtureError("the body is not UTF-8") }
            return text
        case "7bit", "8bit":
            return body
        default:
            throw FixtureError("unexpected Content-Transfer-Encoding \(encoding)")
        }
    }

    /// The parts of a multipart body (RFC 2046 §5.1: the CRLF before each
    /// delimiter belongs to the delimiter; the preamble and epilogue are dropped).
    public func parts() throws -> [MIMEEntity] {
        guard let boundary = try contentType().parameters["boundary"] else { throw FixtureError("no boundary") }
        let pieces = ("\r\n" + body).components(separatedBy: "\r\n--" + boundary)
        guard pieces.count >= 3, pieces.last!.hasPrefix("--") else { throw FixtureError("no closing delimiter") }
        return try pieces.dropFirst().dropLast().map { piece in
            guard piece.hasPrefix("\r\n") else { throw FixtureError("delimiter not followed by CRLF") }
            return try MIMEEntity(Array(piece.utf8.dropFirst(2)))  // "\r\n" is one Character: drop bytes
        }
    }
}
