import Foundation

/// Turns a field's bytes into a `String`: drops the escaping of `""`, validates UTF-8 and
/// normalises to Unicode NFC.
///
/// Foundation's NFC mapping is slow, and almost every field in a CMIS export is already NFC,
/// so the bytes are checked first: text whose scalars all lie below U+0300 (no combining
/// marks) or in U+1E00–U+1EFF (Latin Extended Additional, where precomposed Vietnamese
/// letters such as "ễ" live) is NFC as it stands, and only the rest goes through Foundation.
struct FieldDecoder {
    private static let quote = UInt8(ascii: "\"")

    /// Holds a field's content with `""` pairs collapsed, reused from field to field.
    private var unescaped: [UInt8] = []

    /// The text of one field, or nil when its bytes are not valid UTF-8.
    /// - Parameters:
    ///   - span: where the field lies in `bytes`, as the scanner found it.
    ///   - bytes: the buffered input.
    mutating func decode(_ span: RecordScanner.FieldSpan, in bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let content = UnsafeBufferPointer(rebasing: bytes[span.range])
        guard span.hasEscapedQuotes else { return Self.normalisedText(content) }
        unescaped.removeAll(keepingCapacity: true)
        var segmentStart = content.startIndex
        var index = content.startIndex
        while index < content.endIndex {
            if content[index] == Self.quote {
                // The scanner only marks well-formed content, so the next byte is the pair's second quote.
                unescaped.append(contentsOf: content[segmentStart...index])
                index += 2
                segmentStart = index
            } else {
                index += 1
            }
        }
        unescaped.append(contentsOf: content[segmentStart..<content.endIndex])
        return unescaped.withUnsafeBufferPointer(Self.normalisedText)
    }

    /// Text checked here is built with the fast, non-generic `String(decoding:)`; only the rare
    /// rest pays for the generic validating initialiser and Foundation's NFC mapping.
    private static func normalisedText(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        if isValidAndKnownNFC(bytes) { return String(decoding: bytes, as: UTF8.self) }
        return String(validating: bytes, as: UTF8.self)?.precomposedStringWithCanonicalMapping
    }

    /// Whether `bytes` are valid UTF-8 whose scalars all lie below U+0300 or in U+1E00–U+1EFF.
    /// Such text holds no combining marks and nothing that NFC would compose or replace. A
    /// false answer only means the bytes need the full check, not that they are invalid.
    private static func isValidAndKnownNFC(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
            } else if (0xC2...0xCB).contains(lead) {
                // C2 80 through CB BF encode U+0080–U+02FF.
                guard index + 1 < count, isContinuation(bytes[index + 1]) else { return false }
                index += 2
            } else if lead == 0xE1 {
                // E1 B8 80 through E1 BB BF encode U+1E00–U+1EFF.
                guard index + 2 < count, (0xB8...0xBB).contains(bytes[index + 1]), isContinuation(bytes[index + 2])
                else { return false }
                index += 3
            } else {
                return false
            }
        }
        return true
    }

    private static func isContinuation(_ byte: UInt8) -> Bool {
        byte & 0xC0 == 0x80
    }
}
