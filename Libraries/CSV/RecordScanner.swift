/// Finds the boundaries of one record in a byte buffer, RFC 4180 style, without decoding text.
///
/// Scanning is separate from decoding so the hot loop touches only bytes: it looks for `,`
/// `"` CR and LF and records where each field starts and ends. When the buffer ends before the
/// record does, it asks for more input and the reader rescans the record from its start once
/// the next chunk is in, which keeps the scanner free of state between chunks; records are
/// short next to a chunk, so the rescan costs little.
struct RecordScanner {
    /// Where one field's content lies in the buffer, between any enclosing quotes.
    struct FieldSpan {
        let range: Range<Int>
        /// Whether the content holds `""` pairs that stand for one quote each.
        let hasEscapedQuotes: Bool
    }

    /// What scanning from a record's start found.
    enum Outcome {
        /// A record ends at `end` (just past its line end); its fields are in `fields`.
        case record(end: Int, lineBreaks: Int)
        /// An empty line ends at `end`.
        case blankLine(end: Int)
        /// The record is malformed; the reader resumes at `end`, the start of the next line.
        case malformed(CSVError.Reason, field: Int, end: Int, lineBreaks: Int)
        /// The buffer ends inside the record; scan again once more input is in.
        case needsMoreInput
        /// Nothing is left.
        case endOfInput
    }

    private static let comma = UInt8(ascii: ",")
    private static let quote = UInt8(ascii: "\"")
    private static let carriageReturn = UInt8(ascii: "\r")
    private static let lineFeed = UInt8(ascii: "\n")

    /// The fields of the record found by the last scan that returned `.record`.
    private(set) var fields: [FieldSpan] = []

    /// Scans the record that starts at `start`.
    /// - Parameters:
    ///   - bytes: the buffered input.
    ///   - start: where the record starts in `bytes`.
    ///   - isFinal: whether `bytes` holds the rest of the input, so its end is the input's end.
    mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, isFinal: Bool) -> Outcome {
        fields.removeAll(keepingCapacity: true)
        let count = bytes.count
        guard start < count else { return isFinal ? .endOfInput : .needsMoreInput }
        if bytes[start] == Self.lineFeed || bytes[start] == Self.carriageReturn {
            return lineEnd(in: bytes, at: start, isFinal: isFinal).map { .blankLine(end: $0) } ?? .needsMoreInput
        }

        var index = start
        var lineBreaks = 0
        while true {
            let fieldNumber = fields.count + 1
            if index < count, bytes[index] == Self.quote {
                index += 1
                let contentStart = index
                var hasEscapedQuotes = false
                quoted: while true {
                    guard index < count else {
                        return isFinal
                            ? .malformed(.unterminatedQuote, field: fieldNumber, end: count, lineBreaks: lineBreaks)
                            : .needsMoreInput
                    }
                    switch bytes[index] {
                    case Self.quote:
                        guard index + 1 < count || isFinal else { return .needsMoreInput }
                        if index + 1 < count, bytes[index + 1] == Self.quote {
                            hasEscapedQuotes = true
                            index += 2
                        } else {
                            fields.append(FieldSpan(range: contentStart..<index, hasEscapedQuotes: hasEscapedQuotes))
                            index += 1
                            break quoted
                        }
                    case Self.lineFeed, Self.carriageReturn:
                        guard let next = lineEnd(in: bytes, at: index, isFinal: isFinal) else { return .needsMoreInput }
                        lineBreaks += 1
                        index = next
                    default:
                        index += 1
                    }
                }
            } else {
                let contentStart = index
                while index < count {
                    let byte = bytes[index]
                    // Letters, digits and every byte of a multi-byte character lie above the
                    // four special bytes, so one comparison settles most of the input.
                    if byte > Self.comma {
                        index += 1
                        continue
                    }
                    if byte == Self.comma || byte == Self.lineFeed || byte == Self.carriageReturn { break }
                    if byte == Self.quote {
                        return skipLine(.quoteInUnquotedField, field: fieldNumber, in: bytes, from: index,
                                        lineBreaks: lineBreaks, isFinal: isFinal)
                    }
                    index += 1
                }
                guard index < count || isFinal else { return .needsMoreInput }
                fields.append(FieldSpan(range: contentStart..<index, hasEscapedQuotes: false))
            }

            guard index < count else { return .record(end: count, lineBreaks: lineBreaks) }
            switch bytes[index] {
            case Self.comma:
                index += 1
            case Self.lineFeed, Self.carriageReturn:
                guard let end = lineEnd(in: bytes, at: index, isFinal: isFinal) else { return .needsMoreInput }
                return .record(end: end, lineBreaks: lineBreaks + 1)
            default:
                return skipLine(.textAfterClosingQuote, field: fieldNumber, in: bytes, from: index,
                                lineBreaks: lineBreaks, isFinal: isFinal)
            }
        }
    }

    /// Where the line end (LF, CRLF or a lone CR) at `index` stops, or nil when a CR is the
    /// last buffered byte and the next chunk may hold its LF.
    private func lineEnd(in bytes: UnsafeBufferPointer<UInt8>, at index: Int, isFinal: Bool) -> Int? {
        guard bytes[index] == Self.carriageReturn else { return index + 1 }
        guard index + 1 < bytes.count else { return isFinal ? index + 1 : nil }
        return bytes[index + 1] == Self.lineFeed ? index + 2 : index + 1
    }

    /// Reports a malformed record and moves past the rest of its physical line, quotes and all,
    /// so one stray quote costs one record rather than the rest of the file.
    private func skipLine(
        _ reason: CSVError.Reason, field: Int, in bytes: UnsafeBufferPointer<UInt8>, from start: Int,
        lineBreaks: Int, isFinal: Bool
    ) -> Outcome {
        var index = start
        while index < bytes.count {
            if bytes[index] == Self.lineFeed || bytes[index] == Self.carriageReturn {
                guard let end = lineEnd(in: bytes, at: index, isFinal: isFinal) else { return .needsMoreInput }
                return .malformed(reason, field: field, end: end, lineBreaks: lineBreaks + 1)
            }
            index += 1
        }
        return isFinal ? .malformed(reason, field: field, end: index, lineBreaks: lineBreaks) : .needsMoreInput
    }
}
