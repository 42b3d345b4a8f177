/// The conversation a reply belongs to (RFC 5322 §3.6.4): `In-Reply-To` names the mail
/// answered and `References` the thread up to it, so the customer's mail client shows the
/// company's answer under the customer's own mail instead of as a new conversation.
public struct MailThread: Sendable, Hashable {
    /// How many Message-IDs `References` keeps: the thread's first and the latest ones. A long
    /// exchange would otherwise grow the header without bound; clients thread on the first and the last.
    public static let longestReferences = 10

    /// The Message-ID of the mail answered, without angle brackets.
    public let inReplyTo: String
    /// The thread's Message-IDs, oldest first, ending with ``inReplyTo``.
    public let references: [String]

    /// The thread of an answer to the mail `messageID` whose own `References` were `earlier`.
    /// - Throws: ``MailMessageError/invalidMessageID(_:)`` for an id that is not `left@right`
    ///   in printable ASCII; an unusable earlier id is left out instead, since the thread still
    ///   holds without it.
    public init(answering messageID: String, earlier: [String] = []) throws(MailMessageError) {
        try MailMessage.validate(messageID: messageID)
        var references = earlier.filter { $0 != messageID && (try? MailMessage.validate(messageID: $0)) != nil }
        references.append(messageID)
        if references.count > Self.longestReferences {
            references = [references[0]] + references.suffix(Self.longestReferences - 1)
        }
        inReplyTo = messageID
        self.references = references
    }
}
