/// The error a service throws when a request has one or more invalid fields.
///
/// It carries every field error found, not only the first, and encodes as
/// `{"errors": [FieldError, …]}`: the body of a 422 answer.
public struct ValidationFailure: Error, Sendable, Hashable, Codable {
    /// Every problem found, in the order the fields were checked.
    public let errors: [FieldError]

    /// - Parameter errors: the problems found; callers pass at least one.
    public init(errors: [FieldError]) {
        self.errors = errors
    }
}
