import Foundation

/// A customer wrote to the company's customer-care mailbox and intake filed the mail as a
/// general inquiry under a new request code, or under the code of the inquiry whose thread the
/// mail continues.
///
/// Routed to the branch of the customer code the mail names, or to the corporation's desk
/// when it names none intake knows. The sender's address and the text travel in full, for
/// the officer who answers (personal data: sealed at rest, never logged).
public struct InquiryReceived: MessageContract {
    public static let routingKey = "intake.inquiry.received"
    public static let version = 1
    public static let kind = MessageKind.event

    /// The code the customer tracks the inquiry by; the `correlation_id` of its story.
    public var requestCode: String
    /// `email`.
    public var channel: Channel
    /// The branch that answers: the customer code's, else the corporation's desk.
    public var branch: Branch
    /// The customer code the mail names, when it names one of a served branch.
    public var customerCode: String?
    /// The mail's subject, decoded.
    public var subject: String
    /// What the customer wrote, as plain text (personal data).
    public var text: String
    /// The address answers go to (personal data).
    public var senderEmail: String
    /// The mail's Message-ID, without angle brackets; nil when it had none.
    public var messageId: String?
    /// The mail continues the thread of an earlier inquiry: `requestCode` and `branch` are that
    /// inquiry's, and no automatic answer goes out.
    public var followUp: Bool
    public var receivedAt: Date

    public init(requestCode: String, channel: Channel, branch: Branch, customerCode: String?, subject: String,
                text: String, senderEmail: String, messageId: String?, followUp: Bool, receivedAt: Date) {
        self.requestCode = requestCode
        self.channel = channel
        self.branch = branch
        self.customerCode = customerCode
        self.subject = subject
        self.text = text
        self.senderEmail = senderEmail
        self.messageId = messageId
        self.followUp = followUp
        self.receivedAt = receivedAt
    }
}
