/// An extra header field of a ``MailMessage`` (e.g. `X-EVN-Request-Code`,
/// `Reply-To`, `List-Unsubscribe`), for what the notification service wants to
/// trace or a mail client to show beyond the fields the message writes itself.
///
/// Checked when made: the name must be a valid field name and the value must
/// not contain CR or LF (header injection) or other control characters. A
/// non-ASCII value is written as RFC 2047 encoded-words.
public struct MailHeader: Sendable, Hashable {
    public let name: String
    public let value: String

    /// - Throws: ``MailMessageError/invalidHeaderName(_:)``,
    ///   ``MailMessageError/lineBreakInHeaderValue(field:)`` or
    ///   ``MailMessageError/controlCharacterInHeaderValue(field:)``.
    public init(name: String, value: String) throws(MailMessageError) {
        guard !name.isEmpty, name.utf8.count <= 76,
              name.unicodeScalars.allSatisfy({ $0.value >= 33 && $0.value <= 126 && $0 != ":" })
        else {
            throw .invalidHeaderName(name)
        }
        try HeaderValidation.checkValue(value, field: name)
        self.name = name
        self.value = value
    }
}
