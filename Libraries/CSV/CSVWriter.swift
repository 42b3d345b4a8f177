import Foundation

/// Builds a CSV document (RFC 4180, UTF-8, CRLF line ends) that spreadsheet software opens
/// as written, such as the printable re-pricing list's export with its Vietnamese headings.
///
/// A field is quoted only when it must be, that is when it holds a comma, a quote, CR or LF,
/// and its quotes are doubled. Records collect in ``data``; a long export to a file calls
/// ``flush(to:)`` now and then, so it holds one batch in memory rather than the whole file.
///
/// A field that a spreadsheet would run as a formula — one that starts with `=`, `+`, `-`, `@`,
/// a tab or CR, such as a customer "named" `=HYPERLINK(…)` — is written after an apostrophe,
/// so the sheet shows it as text instead of evaluating it (CSV injection). A plain signed
/// number such as `-2` or `+1.5` is left alone: a sheet reads it as that number and nothing
/// else.
public struct CSVWriter: Sendable {
    private static let comma = UInt8(ascii: ",")
    private static let quote = UInt8(ascii: "\"")
    private static let carriageReturn = UInt8(ascii: "\r")
    private static let lineFeed = UInt8(ascii: "\n")

    /// The bytes written and not yet flushed.
    public private(set) var data = Data()

    /// ``data`` as text; it starts with U+FEFF when the writer was asked for a byte order mark.
    public var string: String { String(decoding: data, as: UTF8.self) }

    /// Starts a document.
    /// - Parameter byteOrderMark: whether to begin with the UTF-8 byte order mark, which
    ///   spreadsheet software needs to show Vietnamese rather than guessing a legacy encoding.
    public init(byteOrderMark: Bool = false) {
        if byteOrderMark { data.append(contentsOf: [0xEF, 0xBB, 0xBF]) }
    }

    /// Appends one record.
    /// - Parameter fields: the record's fields in column order.
    public mutating func write(_ fields: [String]) {
        for (index, field) in fields.enumerated() {
            if index > 0 { data.append(Self.comma) }
            append(field)
        }
        data.append(contentsOf: [Self.carriageReturn, Self.lineFeed])
    }

    /// Writes the bytes collected so far to `handle` and empties ``data``.
    /// - Parameter handle: a file opened for writing.
    /// - Throws: when the file cannot be written; ``data`` then keeps its bytes.
    public mutating func flush(to handle: FileHandle) throws {
        try handle.write(contentsOf: data)
        data.removeAll(keepingCapacity: true)
    }

    private mutating func append(_ field: String) {
        let bytes = Self.neutralised(field).utf8
        let needsQuotes = bytes.contains {
            $0 == Self.comma || $0 == Self.quote || $0 == Self.carriageReturn || $0 == Self.lineFeed
        }
        guard needsQuotes else {
            data.append(contentsOf: bytes)
            return
        }
        data.append(Self.quote)
        for byte in bytes {
            if byte == Self.quote { data.append(Self.quote) }
            data.append(byte)
        }
        data.append(Self.quote)
    }

    /// The characters that make a spreadsheet read a cell as a formula when they come first.
    private static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    /// `field`, with an apostrophe before it when a spreadsheet would take it for a formula.
    private static func neutralised(_ field: String) -> String {
        guard let first = field.unicodeScalars.first, formulaStarts.contains(first), !isSignedNumber(field) else {
            return field
        }
        return "'" + field
    }

    /// Whether `field` is a sign, digits and at most one decimal point, like `-2` or `+1.5`.
    private static func isSignedNumber(_ field: String) -> Bool {
        let parts = field.utf8.dropFirst().split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        return (field.hasPrefix("-") || field.hasPrefix("+")) && (1...2).contains(parts.count)
            && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) } }
    }
}
