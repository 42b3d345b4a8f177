import VietnameseIdentity

/// One text field of a public form or query: its JSON name, whether it must be given and its
/// ``FieldFormat``.
///
/// The validator checks the field through this declaration (``Validation/check(_:_:)``) and the
/// API document lists it from the same one, so neither can name, require or bound a field the
/// other does not.
struct FieldDeclaration<Value>: Sendable {
    /// The field's JSON name (or the query parameter's).
    let name: String
    /// Whether a request without it (or with only white space) is refused.
    let isRequired: Bool
    let format: FieldFormat<Value>
    /// What the field is, for the API document's readers.
    let summary: String

    static func required(_ name: String, _ format: FieldFormat<Value>, _ summary: String) -> FieldDeclaration {
        FieldDeclaration(name: name, isRequired: true, format: format, summary: summary)
    }

    static func optional(_ name: String, _ format: FieldFormat<Value>, _ summary: String) -> FieldDeclaration {
        FieldDeclaration(name: name, isRequired: false, format: format, summary: summary)
    }

    /// The field's JSON Schema: its format's, described, and for an optional field also `null`
    /// and any blank text, which the API takes as the field left out.
    var schema: JSONValue {
        let described = format.schema.adding(["description": .string(summary)])
        guard !isRequired else { return described }
        return ["description": .string(summary), "anyOf": [described, SchemaPattern.blank, SchemaPattern.null]]
    }
}

extension Validation {
    /// Parses the value of `field`: a missing or blank value is an error when the field is
    /// required and `nil` otherwise.
    mutating func check<Value>(_ field: FieldDeclaration<Value>, _ value: String?) -> Value? {
        let parse = { (text: String) throws(AnyFieldProblem) -> Value in try field.format.parse(text) }
        return field.isRequired ? required(field.name, value, parse) : optional(field.name, value, parse)
    }
}
