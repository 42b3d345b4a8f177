/// One problem with one field of a request, as every customer-facing service reports it.
///
/// Encoded as `{"field": "households[1].idNumber", "code": "id_number.invalid_province",
/// "message": {"vi": "…", "en": "…"}}`, so a client written in any language can put each
/// message next to its input box.
public struct FieldError: Sendable, Hashable, Codable {
    /// Where the value was in the request body, as a JSON path without the leading `$.`:
    /// `applicant.idNumber`, `households[1].idNumber`.
    public let field: String
    /// The stable machine-readable code; see `FieldProblem.code`.
    public let code: String
    /// The explanation in Vietnamese and English.
    public let message: LocalizedMessage

    /// - Parameters:
    ///   - field: the JSON path of the field, e.g. `applicant.phone`.
    ///   - code: a stable code, e.g. `phone.landline`.
    ///   - message: the text for a person.
    public init(field: String, code: String, message: LocalizedMessage) {
        self.field = field
        self.code = code
        self.message = message
    }

    /// Places a parser's problem at a field.
    ///
    /// - Parameters:
    ///   - field: the JSON path of the field that held the value.
    ///   - problem: what the parser found wrong.
    public init(field: String, problem: some FieldProblem) {
        self.init(field: field, code: problem.code, message: problem.message)
    }
}
