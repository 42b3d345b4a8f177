import Foundation

/// One e-mail as the notification service sends it: a plain-text body, an
/// optional HTML alternative, one sender and one or more recipients.
///
/// Everything is checked in `init`, so a `MailMessage` that exists can always be
/// rendered and sent: header values with CR/LF are rejected (no header
/// injection), addresses are checked before they reach the SMTP envelope.
/// ``rendered()`` turns it into an RFC 5322 / MIME message in which every
/// non-ASCII text (Vietnamese subject, names, bodies) is UTF-8, encoded so that
/// the message itself is 7-bit ASCII and survives any relay.
///
/// `messageID` is fixed when the message is made: when the notification service
/// retries a send, the retry carries the same Message-ID, so a receiving system
/// (or a person) can recognise a duplicate.
public struct MailMessage: Sendable, Hashable {
    /// The sender (`From` header and SMTP `MAIL FROM`).
    public let from: MailAddress
    /// The recipients (`To` header and one SMTP `RCPT TO` each).
    public let to: [MailAddress]
    /// The subject, any Unicode text without line breaks.
    public let subject: String
    /// The plain-text body; its line breaks are sent as CRLF.
    public let textBody: String
    /// An HTML version of the same content; when present the message is
    /// `multipart/alternative` (plain text first, HTML preferred by clients that can show it).
    public let htmlBody: String?
    /// The Message-ID without angle brackets: `id-left@id-right`.
    public let messageID: String
    /// The `Date` header.
    public let date: Date
    /// The conversation the message answers (`In-Reply-To`, `References`); nil for a new one.
    public let thread: MailThread?
    /// Further header fields, written after the standard ones in this order.
    public let extraHeaders: [MailHeader]

    /// - Parameters:
    ///   - messageID: `id-left@id-right` without angle brackets; by default a
    ///     random UUID at the sender's domain. Pass a stable one (e.g. derived from
    ///     the notification id) to make retries recognisable.
    ///   - date: the `Date` header: when the sender wrote the message, by its clock.
    ///   - thread: the mail this one answers, for `In-Reply-To` and `References`.
    /// - Throws: ``MailMessageError`` when there is no recipient, the subject
    ///   contains CR/LF or control characters, the Message-ID is malformed, or an
    ///   extra header would replace one the message writes itself.
    public init(
        from: MailAddress,
        to: [MailAddress],
        subject: String,
        textBody: String,
        htmlBody: String? = nil,
        messageID: String? = nil,
        date: Date,
        thread: MailThread? = nil,
        extraHeaders: [MailHeader] = []
    ) throws(MailMessageError) {
        guard !to.isEmpty else { throw .noRecipients }
        try HeaderValidation.checkValue(subject, field: "Subject")
        let messageID = messageID ?? "\(UUID().uuidString.lowercased())@\(from.domain)"
        try Self.validate(messageID: messageID)
        for header in extraHeaders where Self.reservedHeaderNames.contains(header.name.lowercased()) {
            throw .reservedHeader(header.name)
        }
        self.from = from
        self.to = to
        self.subject = subject
        self.textBody = textBody
        self.htmlBody = htmlBody
        self.messageID = messageID
        self.date = date
        self.thread = thread
        self.extraHeaders = extraHeaders
    }

    /// Headers the message writes itself; an extra header may not repeat them
    /// (two `Subject` or `Content-Type` fields would leave the reader guessing).
    static let reservedHeaderNames: Set<String> = [
        "from", "to", "cc", "bcc", "subject", "date", "message-id", "mime-version",
        "content-type", "content-transfer-encoding", "in-reply-to", "references",
    ]

    /// Throws unless `messageID` is `id-left@id-right` in printable ASCII without angle brackets.
    static func validate(messageID: String) throws(MailMessageError) {
        let parts = messageID.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty,
              messageID.utf8.count <= 250,
              messageID.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F && $0 != "<" && $0 != ">" })
        else {
            throw .invalidMessageID(messageID)
        }
    }
}

extension MailAddress {
    /// The part after the last `@`.
    var domain: Substring { email[email.index(after: email.lastIndex(of: "@")!)...] }
}
