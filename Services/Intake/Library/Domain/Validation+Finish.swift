import VietnameseIdentity

extension Validation {
    /// Ends the validation with the value the checked fields make.
    ///
    /// Every check answers `nil` where it recorded an error, so `make` unwraps what the checks
    /// returned with `guard let` — no force unwrap — and builds the value:
    ///
    /// ```swift
    /// return try validation.finish {
    ///     guard let name, let phone else { return nil }
    ///     return Applicant(name: name, phone: phone)
    /// }
    /// ```
    ///
    /// `make` runs only when no error was recorded.
    ///
    /// - Throws: `ValidationFailure` with every recorded error, when there is at least one, or
    ///   when `make` finds a value missing that no check reported (as `required`, about the
    ///   form as a whole).
    func finish<Value>(_ make: () -> Value?) throws(ValidationFailure) -> Value {
        try finish()
        guard let value = make() else { throw ValidationFailure(errors: [FieldError(field: "", problem: MissingValue())]) }
        return value
    }
}
