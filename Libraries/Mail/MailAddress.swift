/// One mailbox: an e-mail address with an optional display name
/// (e.g. "Điện lực Hải Châu" <cskh@example.vn>).
///
/// The address goes into the SMTP envelope (`MAIL FROM` / `RCPT TO`) as well as
/// into the `From` / `To` headers, so it is checked here, once: a CR or LF, a
/// space or an angle bracket would let it smuggle SMTP commands or headers.
/// Anything finer (is `a..b@x` allowed?) is left to the receiving server, which
/// answers 5xx for addresses it does not accept (a permanent failure).
/// The display name may be any Unicode text; it is written as RFC 2047
/// encoded-words when it is not plain ASCII.
public struct MailAddress: Sendable, Hashable, CustomStringConvertible {
    /// The address, `local@domain`, printable ASCII.
    public let email: String
    /// The display name shown by mail clients, if any.
    public let name: String?

    /// - Throws: ``MailMessageError/invalidAddress(_:reason:)`` when `email` is
    ///   not `local@domain` in printable ASCII without spaces, `<`, `>`, `,` or `;`;
    ///   ``MailMessageError/lineBreakInHeaderValue(field:)`` or
    ///   ``MailMessageError/controlCharacterInHeaderValue(field:)`` for a bad display name.
    public init(_ email: String, name: String? = nil) throws(MailMessageError) {
        try Self.validate(email: email)
        if let name {
            try HeaderValidation.checkValue(name, field: "display name")
        }
        self.email = email
        self.name = (name?.isEmpty ?? true) ? nil : name
    }

    public var description: String {
        if let name { "\(String(reflecting: name)) <\(email)>" } else { "<\(email)>" }
    }

    private static func validate(email: String) throws(MailMessageError) {
        for scalar in email.unicodeScalars {
            if scalar == "\r" || scalar == "\n" {
                throw .invalidAddress(email, reason: "it contains a line break")
            }
            guard scalar.value > 0x20, scalar.value < 0x7F else {
                throw .invalidAddress(
                    email, reason: "only printable ASCII without spaces is accepted (no SMTPUTF8 addresses)")
            }
            if "<>,;".unicodeScalars.contains(scalar) {
                throw .invalidAddress(email, reason: "it contains \(String(scalar)), which would break the envelope")
            }
        }
        guard let at = email.lastIndex(of: "@"), at != email.startIndex,
              email.index(after: at) != email.endIndex
        else {
            throw .invalidAddress(email, reason: "expected local-part@domain")
        }
        guard email.utf8.count <= 254 else {
            throw .invalidAddress(email, reason: "longer than 254 characters")
        }
    }
}
