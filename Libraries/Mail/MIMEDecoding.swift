import Foundation

/// The decodings a mail reader needs, lenient as mail clients are: what senders'
/// programs write is often not quite what the RFCs say, and a customer's mail must still
/// be read. RFC 2047 encoded-words in header text, quoted-printable and base64 bodies
/// (RFC 2045 §6.7, §6.8), and the charsets Vietnamese mail comes in.
enum MIMEDecoding {
    /// `value` with every RFC 2047 encoded-word (`=?charset?B|Q?text?=`) decoded; the white
    /// space between two adjacent encoded-words is dropped (§6.2). A word in a charset this
    /// reader does not know, or that does not decode, stays as it was written.
    static func decodeEncodedWords(_ value: String) -> String {
        let word = /=\?([^?\s]+)\?([BbQq])\?([^?\s]*)\?=/
        var result = ""
        var rest = value[...]
        var afterWord = false
        while let match = rest.firstMatch(of: word) {
            let between = rest[..<match.range.lowerBound]
            let decoded = decodeWord(charset: String(match.output.1), encoding: String(match.output.2),
                                     text: String(match.output.3))
            if !(afterWord && decoded != nil && between.allSatisfy({ $0 == " " || $0 == "\t" })) {
                result += between
            }
            result += decoded ?? String(match.output.0)
            afterWord = decoded != nil
            rest = rest[match.range.upperBound...]
        }
        return result + rest
    }

    private static func decodeWord(charset: String, encoding: String, text: String) -> String? {
        // RFC 2231 §5: a language may follow the charset after `*` (`UTF-8*vi`).
        let charset = charset.split(separator: "*").first.map(String.init) ?? charset
        let bytes: [UInt8]
        if encoding.uppercased() == "B" {
            guard let data = Data(base64Encoded: padded(text)) else { return nil }
            bytes = Array(data)
        } else {
            bytes = quotedPrintable(Array(text.utf8), underscoreIsSpace: true)
        }
        return self.text(bytes, charset: charset)
    }

    /// Base64 text with the `=` padding some senders leave out.
    private static func padded(_ text: String) -> String {
        let remainder = text.utf8.count % 4
        return remainder == 0 ? text : text + String(repeating: "=", count: 4 - remainder)
    }

    /// Quoted-printable bytes decoded: `=XX` is the byte XX, `=` at the end of a line joins
    /// it to the next (a soft line break); a malformed `=` is kept as it is. In an
    /// encoded-word (`underscoreIsSpace`), `_` is a space (RFC 2047 §4.2).
    static func quotedPrintable(_ bytes: [UInt8], underscoreIsSpace: Bool = false) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if underscoreIsSpace, byte == UInt8(ascii: "_") {
                result.append(0x20)
                index += 1
                continue
            }
            guard byte == UInt8(ascii: "=") else {
                result.append(byte)
                index += 1
                continue
            }
            // A soft line break: "=" then optional trailing white space, then CRLF or LF.
            var next = index + 1
            while next < bytes.count, bytes[next] == 0x20 || bytes[next] == 0x09 { next += 1 }
            if next < bytes.count, bytes[next] == 0x0D, next + 1 < bytes.count, bytes[next + 1] == 0x0A {
                index = next + 2
                continue
            }
            if next < bytes.count, bytes[next] == 0x0A {
                index = next + 1
                continue
            }
            if next == bytes.count {
                index = next
                continue
            }
            if index + 2 < bytes.count, let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2]) {
                result.append(high << 4 | low)
                index += 3
            } else {
                result.append(byte)
                index += 1
            }
        }
        return result
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        default: nil
        }
    }

    /// Base64 bytes decoded, line breaks and other white space ignored; nil when they are not base64.
    static func base64(_ bytes: [UInt8]) -> [UInt8]? {
        let compact = bytes.filter { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x0A) }
        return Data(base64Encoded: padded(String(decoding: compact, as: UTF8.self))).map(Array.init)
    }

    /// `bytes` in `charset` as text: UTF-8 (a wrong byte becomes U+FFFD), US-ASCII,
    /// ISO-8859-1 and Windows-1252 (what older mail programs write Vietnamese without
    /// diacritics in); nil for any other charset.
    static func text(_ bytes: [UInt8], charset: String) -> String? {
        switch charset.lowercased() {
        case "utf-8", "utf8", "us-ascii", "ascii", "":
            return String(decoding: bytes, as: UTF8.self)
        case "iso-8859-1", "latin1", "iso_8859-1":
            return String(bytes: bytes, encoding: .isoLatin1)
        case "windows-1252", "cp1252":
            return String(bytes: bytes, encoding: .windowsCP1252)
        default:
            return nil
        }
    }
}
