/// One entity of a received message (the message itself, or one part of a multipart
/// body): its header fields, unfolded, and its body bytes as they were sent.
///
/// Parsed leniently: bare LF line ends are read like CRLF, a header line without a colon
/// is skipped, a multipart body without its closing delimiter ends where the bytes end.
struct MIMEPart: Sendable {
    /// Header fields in order, unfolded, values as written (not decoded), trimmed.
    let headers: [(name: String, value: String)]
    /// The body, after the blank line, still in its transfer encoding.
    let body: [UInt8]

    /// How deep multiparts may nest before the rest is ignored: a mail is not a zip bomb.
    static let deepestNesting = 8

    init(_ bytes: [UInt8]) {
        let (headerEnd, bodyStart) = Self.headerEnd(in: bytes)
        var headers: [(name: String, value: String)] = []
        let headerText = String(decoding: bytes[..<headerEnd], as: UTF8.self)
        for line in headerText.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            let line = line.hasSuffix("\r") ? line.dropLast() : line
            if line.first == " " || line.first == "\t" {
                if !headers.isEmpty { headers[headers.count - 1].value += line }  // unfolding: the line break goes
            } else if let colon = line.firstIndex(of: ":") {
                headers.append((String(line[..<colon]).trimmed, String(line[line.index(after: colon)...])))
            }
        }
        self.headers = headers.map { ($0.name, $0.value.trimmed) }
        body = Array(bytes[bodyStart...])
    }

    /// Where the header section ends and the body begins: at the first empty line.
    private static func headerEnd(in bytes: [UInt8]) -> (Int, Int) {
        var index = 0
        var lineStart = 0
        while index < bytes.count {
            if bytes[index] == 0x0A {
                let line = bytes[lineStart..<index]
                if line.isEmpty || line == [0x0D] { return (lineStart, index + 1) }
                lineStart = index + 1
            }
            index += 1
        }
        return (bytes.count, bytes.count)
    }

    /// The first value of a header (case-insensitive name), nil when it is missing.
    func value(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    /// The media type in lower case (`text/plain` when there is no Content-Type, RFC 2045 §5.2)
    /// and the parameters, names in lower case, values unquoted, RFC 2231 values decoded.
    var contentType: (mediaType: String, parameters: [String: String]) {
        guard let value = value("Content-Type") else { return ("text/plain", ["charset": "us-ascii"]) }
        let fields = HeaderParameters.split(value)
        return ((fields.first ?? "text/plain").lowercased(), HeaderParameters.parameters(fields.dropFirst()))
    }

    /// The Content-Disposition's parameters (`filename`), empty without the header.
    var dispositionParameters: [String: String] {
        guard let value = value("Content-Disposition") else { return [:] }
        return HeaderParameters.parameters(HeaderParameters.split(value).dropFirst())
    }

    /// The body with its Content-Transfer-Encoding undone (a base64 body that does not
    /// decode is nil: the part is unreadable).
    var decodedBody: [UInt8]? {
        switch value("Content-Transfer-Encoding")?.lowercased() ?? "7bit" {
        case "base64": MIMEDecoding.base64(body)
        case "quoted-printable": MIMEDecoding.quotedPrintable(body)
        default: body
        }
    }

    /// The parts of a multipart body (RFC 2046 §5.1.1: the line break before each delimiter
    /// belongs to the delimiter; preamble and epilogue are dropped); empty for any other body.
    var parts: [MIMEPart] {
        guard contentType.mediaType.hasPrefix("multipart/"), let boundary = contentType.parameters["boundary"],
              !boundary.isEmpty
        else { return [] }
        let delimiter = Array(("--" + boundary).utf8)
        var pieces: [ArraySlice<UInt8>] = []
        var pieceStart: Int?
        var lineStart = 0
        var closed = false
        while lineStart < body.count, !closed {
            let lineEnd = body[lineStart...].firstIndex(of: 0x0A) ?? body.count
            let line = body[lineStart..<lineEnd]
            if line.starts(with: delimiter) {
                let after = line.dropFirst(delimiter.count)
                if let start = pieceStart { pieces.append(body[start..<Self.trimmingLineBreak(before: lineStart, in: body)]) }
                closed = after.starts(with: [0x2D, 0x2D])
                pieceStart = lineEnd + 1
            }
            lineStart = lineEnd + 1
        }
        if !closed, let start = pieceStart, start < body.count { pieces.append(body[start...]) }
        return pieces.map { MIMEPart(Array($0)) }
    }

    /// The end of the piece before a delimiter line that starts at `lineStart`: without the line break.
    private static func trimmingLineBreak(before lineStart: Int, in bytes: [UInt8]) -> Int {
        var end = lineStart
        if end > 0, bytes[end - 1] == 0x0A { end -= 1 }
        if end > 0, bytes[end - 1] == 0x0D { end -= 1 }
        return end
    }
}

extension StringProtocol {
    var trimmed: String { String(self).trimmingCharacters(in: .whitespaces) }
}
