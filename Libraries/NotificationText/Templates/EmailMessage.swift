/// The text of one e-mail to a customer: subject and plain-text body.
///
/// Plain text only, so that every mail client shows the same thing and nothing in the
/// values can be read as markup.
public struct EmailMessage: Sendable, Hashable {
    /// The subject line, one line.
    public let subject: String
    /// The body, lines separated by `\n`.
    public let body: String

    /// - Parameters:
    ///   - subject: the subject line.
    ///   - body: the body.
    public init(subject: String, body: String) {
        self.subject = subject
        self.body = body
    }
}
