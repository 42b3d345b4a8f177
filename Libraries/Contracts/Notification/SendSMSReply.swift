import Foundation

/// intake asks notification to answer an SMS a customer sent to the company's short code:
/// a request's status, an outage report's code, the planned outages of a supply, or help.
///
/// A command, so the phone number reaches notification only. intake writes the answer (it
/// knows what was asked and what it found); notification sends it as GSM-7 text, without
/// diacritics, like every other SMS. `messageId` is the gateway's id of the customer's SMS:
/// one answer per incoming message, however often the command arrives.
public struct SendSMSReply: MessageContract {
    public static let routingKey = "notification.send-sms-reply"
    public static let version = 1
    public static let kind = MessageKind.command

    /// The SMS gateway's id of the message answered.
    public var messageId: String
    /// The sender's mobile, E.164 (personal data): the answer goes back to it.
    public var phone: String
    /// The answer, in Vietnamese without diacritics, within two SMS segments.
    public var text: String
    public var issuedAt: Date

    public init(messageId: String, phone: String, text: String, issuedAt: Date) {
        self.messageId = messageId
        self.phone = phone
        self.text = text
        self.issuedAt = issuedAt
    }
}
