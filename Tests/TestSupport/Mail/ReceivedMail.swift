import Foundation

/// One e-mail a customer received, read through ``MIMEEntity`` the way a mail client shows a
/// single-part text message: sender and subject decoded, the body decoded to text.
public struct ReceivedMail: Sendable {
    /// The message as stored, for anything beyond what a reader sees.
    public let message: MIMEEntity
    /// The envelope recipients.
    public let recipients: [String]
    /// The decoded `From` header: `Điện lực Tam Kỳ <cskh@…>`.
    public let from: String
    /// The decoded subject.
    public let subject: String
    /// The decoded text body, with `\n` line ends.
    public let body: String

    /// Reads `message`; throws when a header is missing or repeated, or the body cannot be decoded.
    public init(_ message: MIMEEntity) throws {
        self.message = message
        recipients = message.envelopeTo
        from = try message.decoded("From")
        subject = try message.decoded("Subject")
        body = try message.decodedText().replacingOccurrences(of: "\r\n", with: "\n")
    }
}
