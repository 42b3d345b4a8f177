import Foundation

/// intake or crm asks notification to answer an e-mail a customer wrote to the customer-care
/// mailbox, in the customer's thread: intake's automatic answer (the code the mail was filed
/// under and where to track it), or an officer's answer written on crm's ticket page.
///
/// A command, so the address reaches notification only. The sender writes the answer;
/// notification sends it as `Re: <subject>` with `In-Reply-To` and `References`, so the
/// customer's mail client shows it under their own mail. `mailId` names what is answered: one
/// answer per id, however often the command arrives.
public struct SendEmailReply: MessageContract {
    public static let routingKey = "notification.send-email-reply"
    public static let version = 1
    public static let kind = MessageKind.command

    /// What is answered: intake's id of the mail (the mailbox's UIDVALIDITY and UID), or crm's
    /// id of the officer's answer (`<ticket id>/<place in the conversation>`).
    public var mailId: String
    /// The request code the mail was filed under, named in the answer and traced by.
    public var requestCode: String
    /// The address the answer goes to (personal data): the mail's `Reply-To`, else its `From`.
    public var email: String
    /// The answer's subject: `Re: ` and the customer's subject.
    public var subject: String
    /// The answer's plain-text body, in Vietnamese and English.
    public var text: String
    /// The Message-ID of the customer's (latest) mail, without angle brackets; nil when it had
    /// none (the answer then starts a new thread).
    public var inReplyTo: String?
    /// The thread before that mail, oldest first, without angle brackets: intake passes the
    /// mail's own `References`, crm the Message-IDs of the inquiry's earlier mails.
    public var references: [String]
    public var issuedAt: Date

    public init(mailId: String, requestCode: String, email: String, subject: String, text: String,
                inReplyTo: String?, references: [String], issuedAt: Date) {
        self.mailId = mailId
        self.requestCode = requestCode
        self.email = email
        self.subject = subject
        self.text = text
        self.inReplyTo = inReplyTo
        self.references = references
        self.issuedAt = issuedAt
    }
}
