/// A record the reader could not turn into fields, located by the physical line it starts on,
/// so an import can report "line 17: unterminated_quote" and go on with the next record.
public struct CSVError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What was wrong, as a stable code an import report or an API answer can carry.
    public enum Reason: String, Sendable {
        /// A quoted field was still open at the end of the input.
        case unterminatedQuote = "unterminated_quote"
        /// A `"` appeared inside a field that did not start with one.
        case quoteInUnquotedField = "quote_in_unquoted_field"
        /// Something other than a comma or a line end followed a closing quote.
        case textAfterClosingQuote = "text_after_closing_quote"
        /// A field's bytes are not valid UTF-8.
        case invalidUTF8 = "invalid_utf8"
        /// The file could not be read further; the stream ends here.
        case readFailed = "read_failed"
    }

    /// The 1-based physical line the record starts on, as a text editor numbers it.
    public let line: Int
    /// The 1-based position of the offending field in the record, when one field is to blame.
    public let field: Int?
    /// What was wrong.
    public let reason: Reason

    /// Describes a record the reader could not read.
    /// - Parameters:
    ///   - line: the 1-based physical line the record starts on.
    ///   - field: the 1-based position of the offending field, if one is to blame.
    ///   - reason: what was wrong.
    public init(line: Int, field: Int? = nil, reason: Reason) {
        self.line = line
        self.field = field
        self.reason = reason
    }

    public var description: String {
        if let field {
            return "line \(line), field \(field): \(reason.rawValue)"
        }
        return "line \(line): \(reason.rawValue)"
    }
}
