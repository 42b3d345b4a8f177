/// A customer-facing text with named holes, written as a string literal:
/// `"Yêu cầu \(.requestCode) đã được tiếp nhận."`.
///
/// Each hole is a case of the context's `Field`, so a misspelt or foreign placeholder is a
/// compile error rather than a `{requestCode}` that reaches a customer, and the literal
/// still reads as the message it produces.
public struct TemplateText<Context: NotificationContext>: Sendable, ExpressibleByStringInterpolation {
    /// A run of fixed text or one hole.
    enum Part: Sendable, Hashable {
        case literal(String)
        case field(Context.Field)
    }

    /// The text's parts in order.
    let parts: [Part]

    /// A text without holes.
    ///
    /// - Parameter value: the fixed text.
    public init(stringLiteral value: String) {
        parts = value.isEmpty ? [] : [.literal(value)]
    }

    /// A text with holes, built by the compiler from an interpolated literal.
    ///
    /// - Parameter stringInterpolation: the literal's parts.
    public init(stringInterpolation: Interpolation) {
        parts = stringInterpolation.parts
    }

    /// The holes, in the order they appear (a field used twice appears twice).
    public var fields: [Context.Field] {
        parts.compactMap {
            if case .field(let field) = $0 { field } else { nil }
        }
    }

    /// The text with each hole shown as `{rawValue}`, for review and for logs (it holds
    /// no customer data).
    public var pattern: String {
        parts.map {
            switch $0 {
            case .literal(let text): text
            case .field(let field): "{\(field.rawValue)}"
            }
        }.joined()
    }

    /// The text with every hole filled from `context`.
    ///
    /// - Parameter context: the notice's checked values.
    public func render(_ context: Context) -> String {
        parts.map {
            switch $0 {
            case .literal(let text): text
            case .field(let field): context.value(for: field)
            }
        }.joined()
    }

    /// Collects the literal's parts; only fields of `Context` may be interpolated.
    public struct Interpolation: StringInterpolationProtocol, Sendable {
        /// The parts so far.
        var parts: [Part] = []

        /// - Parameters:
        ///   - literalCapacity: the fixed text's length (unused).
        ///   - interpolationCount: the number of holes.
        public init(literalCapacity: Int, interpolationCount: Int) {
            parts.reserveCapacity(2 * interpolationCount + 1)
        }

        /// Adds fixed text.
        ///
        /// - Parameter literal: the text between holes.
        public mutating func appendLiteral(_ literal: String) {
            if !literal.isEmpty { parts.append(.literal(literal)) }
        }

        /// Adds a hole.
        ///
        /// - Parameter field: the value that will fill it.
        public mutating func appendInterpolation(_ field: Context.Field) {
            parts.append(.field(field))
        }
    }
}
