import Contracts
import Foundation
import GRDB
import Logging
import Mail
import Messaging

/// Turns intake's or crm's `notification.send-email-reply` into one queued e-mail: the answer to a mail
/// a customer wrote to the customer-care mailbox, sent in that mail's thread.
///
/// The text and subject are the sender's. Filed under the id of what is answered, so a
/// repeated command e-mails once.
struct EmailReplyHandler: Sendable {
    let queue: DeliveryQueue
    let logger: Logger

    func reply(_ command: SendEmailReply, cause message: IncomingMessage, in db: Database) throws {
        guard let address = try? MailAddress(command.email) else {
            throw MessageHandlingError.permanent("the answer to mail \(command.mailId) names no usable e-mail address")
        }
        let subject = DeliverySubject.emailReply(mailId: command.mailId)
        let recipient = Recipient(channel: .email, address: address.email)
        let order = DeliveryOrder(
            subject: subject, occasion: "", recipient: recipient,
            content: DeliveryContent(text: command.text, subject: command.subject, senderName: nil, unicode: false,
                                     inReplyTo: command.inReplyTo, references: command.references),
            cause: message.envelope)
        let metadata = subject.metadata.merging([
            "correlation_id": "\(message.envelope.correlationId ?? command.requestCode)",
            "message_id": "\(message.envelope.messageId)", "channel": "email", "recipient": "\(recipient.masked)",
        ]) { $1 }
        try queue.enqueueOnce(order, logging: "e-mail answer", metadata: metadata, logger: logger, in: db)
    }
}
