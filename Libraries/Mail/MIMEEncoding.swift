import Foundation

/// The encodings that keep a message 7-bit ASCII while carrying UTF-8 text:
/// RFC 2047 encoded-words for header text, base64 for bodies, folding of long
/// header lines, the RFC 5322 date. Kept apart from ``MailMessage`` so each
/// rule can be read (and checked) on its own.
enum MIMEEncoding {
    /// The longest header line written when there is a choice (RFC 2047 §2 limits
    /// lines that contain encoded-words to 76 characters; RFC 5322 asks for ≤ 78).
    static let lineLimit = 76
    /// RFC 2047 §2: an encoded-word is at most 75 characters.
    static let encodedWordLimit = 75
    /// The longest text written on one header line without a chance to fold it
    /// (RFC 5322 §2.1.1: lines must not exceed 998 characters); longer text is encoded.
    static let longestUnfoldableToken = 900
    private static let encodedWordOverhead = "=?UTF-8?B?".utf8.count + "?=".utf8.count

    /// A header field `Name: value` for unstructured text (Subject, extra headers):
    /// printable ASCII as it is (folded at spaces), anything else as encoded-words.
    /// Ends with CRLF.
    static func unstructuredHeader(_ name: String, _ value: String) -> String {
        if isPlainASCII(value) {
            // Folding = a CRLF inserted before a space; unfolding gives back the same text.
            let pieces = value.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
            // A piece that cannot be folded must still fit SMTP's 1000-byte line limit.
            if pieces.allSatisfy({ $0.utf8.count <= longestUnfoldableToken }) {
                return foldedHeader(name, tokens: pieces)
            }
        }
        let firstLimit = lineLimit - name.utf8.count - 2  // "Name: "
        return foldedHeader(name, tokens: encodedWords(value, firstWordLimit: firstLimit))
    }

    /// Text that can stand in a header as it is: printable ASCII, no
    /// leading/trailing space (a reader would drop it), nothing that looks like an
    /// encoded-word (a reader would decode it).
    static func isPlainASCII(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7F }
            && !text.contains("=?")
            && text.first != " " && text.last != " "
    }

    /// `Name: token token ...`, each token separated by one space, a line break
    /// (CRLF + space) taking the place of a space wherever the line would exceed
    /// ``lineLimit``. A token longer than a line stays whole. Ends with CRLF.
    static func foldedHeader(_ name: String, tokens: [String]) -> String {
        var result = ""
        var line = name + ":"
        var lineHasToken = true  // "Name:" itself: a break may follow it
        for token in tokens {
            if lineHasToken, line.utf8.count + 1 + token.utf8.count > lineLimit {
                result += line + "\r\n"
                line = " " + token
            } else {
                line += " " + token
            }
            lineHasToken = !token.isEmpty
        }
        return result + line + "\r\n"
    }

    /// RFC 2047 "B" encoded-words (`=?UTF-8?B?...?=`) for `text`, each at most
    /// ``encodedWordLimit`` characters, the first at most `firstWordLimit` (so that
    /// it fits on the header's first line). Each word holds whole characters
    /// (grapheme clusters, or whole scalars for a cluster too long for one word),
    /// as RFC 2047 §5 requires; readers join adjacent words without the space between.
    static func encodedWords(_ text: String, firstWordLimit: Int = encodedWordLimit) -> [String] {
        func byteCapacity(_ wordLimit: Int) -> Int { (wordLimit - encodedWordOverhead) / 4 * 3 }
        let fullCapacity = byteCapacity(encodedWordLimit)
        var capacity = byteCapacity(firstWordLimit)
        if capacity < 12 { capacity = fullCapacity }  // too little room on the first line: start on the next
        var words: [String] = []
        var chunk: [UInt8] = []
        func flush() {
            guard !chunk.isEmpty else { return }
            words.append("=?UTF-8?B?" + Data(chunk).base64EncodedString() + "?=")
            chunk.removeAll(keepingCapacity: true)
            capacity = fullCapacity
        }
        for character in text {
            let bytes = Array(String(character).utf8)
            if chunk.count + bytes.count > capacity { flush() }
            if bytes.count <= capacity {
                chunk += bytes
                continue
            }
            for scalar in character.unicodeScalars {
                let scalarBytes = Array(String(scalar).utf8)
                if chunk.count + scalarBytes.count > capacity { flush() }
                chunk += scalarBytes
            }
        }
        flush()
        return words
    }

    /// A display name as an RFC 5322 phrase: atoms as they are, other ASCII as a
    /// quoted-string, anything else as encoded-words.
    static func phraseTokens(_ name: String, firstWordLimit: Int = encodedWordLimit) -> [String] {
        guard isPlainASCII(name), name.utf8.count <= longestUnfoldableToken else {
            return encodedWords(name, firstWordLimit: firstWordLimit)
        }
        let atomSpecials = Set("()<>[]:;@\\,.\"")
        if !name.contains("  "), !name.contains(where: { atomSpecials.contains($0) }) {
            return name.split(separator: " ").map(String.init)
        }
        let escaped = name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return ["\"" + escaped + "\""]
    }

    /// `text` with every line break (CRLF, lone CR, lone LF) as CRLF: the
    /// canonical form of a text/* body (RFC 2046 §4.1.1) before base64.
    static func canonicalLineBreaks(_ text: String) -> [UInt8] {
        let cr: UInt8 = 0x0D, lf: UInt8 = 0x0A
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count + text.utf8.count / 32)
        var afterCR = false
        for byte in text.utf8 {
            switch byte {
            case cr:
                result += [cr, lf]
                afterCR = true
            case lf:
                if !afterCR { result += [cr, lf] }
                afterCR = false
            default:
                result.append(byte)
                afterCR = false
            }
        }
        return result
    }

    /// Base64 in lines of 76 characters, each ending with CRLF (RFC 2045 §6.8).
    static func base64Lines(_ bytes: [UInt8]) -> String {
        let encoded = Data(bytes).base64EncodedString()
        var result = ""
        result.reserveCapacity(encoded.utf8.count + encoded.utf8.count / 76 * 2 + 2)
        var start = encoded.startIndex
        while start < encoded.endIndex {
            let end = encoded.index(start, offsetBy: 76, limitedBy: encoded.endIndex) ?? encoded.endIndex
            result += encoded[start..<end]
            result += "\r\n"
            start = end
        }
        return result
    }

    /// RFC 5322 §3.3 date-time in UTC, e.g. `Tue, 01 Jul 2025 02:30:00 +0000`
    /// (written by hand: no locale can change it).
    static func dateTime(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday], from: date)
        let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ n: Int?) -> String { let n = n ?? 0; return n < 10 ? "0\(n)" : "\(n)" }
        return "\(weekdays[(c.weekday ?? 1) - 1]), \(two(c.day)) \(months[(c.month ?? 1) - 1]) \(c.year ?? 1970) "
            + "\(two(c.hour)):\(two(c.minute)):\(two(c.second)) +0000"
    }
}
