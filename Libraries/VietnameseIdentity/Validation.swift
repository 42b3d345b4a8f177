/// Collects every field error of a request, so that one answer lists them all.
///
/// A customer filling in a form on a phone should fix everything in one go, not discover the
/// errors one round trip at a time. A handler therefore checks each field through one
/// `Validation`, keeps going after a failure, and calls `finish()` at the end:
///
/// ```swift
/// var validation = Validation()
/// let name = validation.required("applicant.fullName", body.fullName, PersonName.init)
/// let phone = validation.required("applicant.phone", body.phone, VietnamesePhoneNumber.init)
/// for (index, household) in body.households.enumerated() {
///     validation.nested("households[\(index)]") { item in
///         _ = item.required("idNumber", household.idNumber, CitizenID.init)
///     }
/// }
/// try validation.finish()   // throws ValidationFailure with every FieldError found
/// ```
public struct Validation: Sendable {
    /// The errors recorded so far, in the order the fields were checked.
    public private(set) var errors: [FieldError] = []

    /// The JSON path that field names given to this value are relative to ("" at the top).
    private let prefix: String

    /// Starts an empty validation whose field names are taken as written.
    public init() {
        self.prefix = ""
    }

    private init(prefix: String) {
        self.prefix = prefix
    }

    /// True while no error has been recorded.
    public var isValid: Bool { errors.isEmpty }

    /// Records a problem found by the caller's own rule.
    ///
    /// - Parameters:
    ///   - problem: what is wrong.
    ///   - field: the field's path, relative to any enclosing `nested` prefix.
    public mutating func add(_ problem: some FieldProblem, at field: String) {
        errors.append(FieldError(field: path(field), problem: problem))
    }

    /// Parses a value that must be present.
    ///
    /// A missing or blank value is recorded as `required`; a value the parser rejects is
    /// recorded with the parser's code and message. Pass the parser as a function —
    /// `PersonName.init`, `VietnamesePhoneNumber.init`, `CitizenID.init` — or as a closure
    /// that declares its error type: `{ (text: String) throws(CitizenIDError) in … }`.
    ///
    /// - Parameters:
    ///   - field: the field's path, relative to any enclosing `nested` prefix.
    ///   - value: the raw value from the request, `nil` when absent.
    ///   - parse: turns the raw value into a checked value.
    /// - Returns: the parsed value, or `nil` when an error was recorded.
    public mutating func required<Value, Problem: FieldProblem>(
        _ field: String,
        _ value: String?,
        _ parse: (String) throws(Problem) -> Value
    ) -> Value? {
        guard let value, !value.allSatisfy(\.isWhitespace) else {
            add(MissingValue(), at: field)
            return nil
        }
        return check(field, value, parse)
    }

    /// Parses a value that may be left out.
    ///
    /// - Parameters:
    ///   - field: the field's path, relative to any enclosing `nested` prefix.
    ///   - value: the raw value from the request; `nil` or blank means "not given".
    ///   - parse: turns the raw value into a checked value.
    /// - Returns: the parsed value, or `nil` when absent or when an error was recorded.
    public mutating func optional<Value, Problem: FieldProblem>(
        _ field: String,
        _ value: String?,
        _ parse: (String) throws(Problem) -> Value
    ) -> Value? {
        guard let value, !value.allSatisfy(\.isWhitespace) else { return nil }
        return check(field, value, parse)
    }

    private mutating func check<Value, Problem: FieldProblem>(
        _ field: String,
        _ value: String,
        _ parse: (String) throws(Problem) -> Value
    ) -> Value? {
        do {
            return try parse(value)
        } catch {
            add(error, at: field)
            return nil
        }
    }

    /// Validates a sub-object or an array element, prefixing its field names.
    ///
    /// `nested("households[1]") { $0.add(problem, at: "idNumber") }` records the error at
    /// `households[1].idNumber`. Nesting composes.
    ///
    /// - Parameters:
    ///   - path: the path of the sub-object, relative to any enclosing prefix.
    ///   - body: checks the sub-object's fields with names relative to `path`.
    public mutating func nested(_ path: String, _ body: (inout Validation) -> Void) {
        var inner = Validation(prefix: self.path(path))
        body(&inner)
        errors.append(contentsOf: inner.errors)
    }

    /// Ends the validation.
    ///
    /// - Throws: `ValidationFailure` with every recorded error, when there is at least one.
    public func finish() throws(ValidationFailure) {
        if !errors.isEmpty { throw ValidationFailure(errors: errors) }
    }

    private func path(_ field: String) -> String {
        if prefix.isEmpty { return field }
        if field.isEmpty { return prefix }
        return field.hasPrefix("[") ? prefix + field : prefix + "." + field
    }
}

/// The problem recorded when a required value is absent or blank; public for values that are
/// not strings (a nested object, a number) and so cannot go through ``Validation/required(_:_:_:)``.
public struct MissingValue: FieldProblem {
    public init() {}
    public var code: String { "required" }
    public var message: LocalizedMessage {
        LocalizedMessage(vi: "Vui lòng nhập thông tin này", en: "This field is required")
    }
}
