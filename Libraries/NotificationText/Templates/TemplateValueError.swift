/// Why a value was refused when building a notice's context.
///
/// Values are checked once, when the context is built, so that a notice is either complete
/// and within its SMS budget or not produced at all: a customer never receives an empty
/// request code or a message cut short by the gateway.
public enum TemplateValueError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The value is empty or only white space.
    case empty(field: String)
    /// The value spans several lines where one is expected.
    case notSingleLine(field: String)
    /// The value is longer than `limit` septets, counted as in the SMS without diacritics
    /// (most characters count one). The limits keep every SMS within two segments, or three
    /// where staff's reason or crm's sentence fills its longest beside the tracking link.
    case tooLong(field: String, limit: Int)
    /// The value does not have the expected form, described in `expected`.
    case malformed(field: String, expected: String)

    /// The field concerned, as named in the template (`Field.rawValue`).
    public var field: String {
        switch self {
        case .empty(let field), .notSingleLine(let field), .tooLong(let field, _), .malformed(let field, _):
            field
        }
    }

    /// A one-line explanation for logs and operators.
    public var description: String {
        switch self {
        case .empty(let field): "\(field) is empty"
        case .notSingleLine(let field): "\(field) must be a single line"
        case .tooLong(let field, let limit): "\(field) is longer than \(limit) characters"
        case .malformed(let field, let expected): "\(field) must be \(expected)"
        }
    }
}
