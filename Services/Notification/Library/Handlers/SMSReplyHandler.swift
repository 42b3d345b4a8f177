import Contracts
import Foundation
import GRDB
import Logging
import Messaging
import NotificationText
import VietnameseIdentity

/// Turns intake's `notification.send-sms-reply` into one queued SMS: the answer to a message
/// a customer texted to the company's short code.
///
/// The text is intake's; it always leaves as GSM-7, without diacritics, whatever
/// `SMS_UNICODE` says: a customer who wrote without diacritics is answered the same way, at
/// the cheapest rate. Filed under the answered message's id, so a repeated command (or the
/// same answer sent again under a new message id) texts once.
struct SMSReplyHandler: Sendable {
    let queue: DeliveryQueue
    let logger: Logger

    func reply(_ command: SendSMSReply, cause message: IncomingMessage, in db: Database) throws {
        guard let phone = try? VietnamesePhoneNumber(command.phone) else {
            throw MessageHandlingError.permanent("the answer to SMS \(command.messageId) names no Vietnamese mobile number")
        }
        let sms = SMSText(command.text).withoutDiacritics
        let subject = DeliverySubject.smsReply(messageId: command.messageId)
        let order = DeliveryOrder(
            subject: subject, occasion: "", recipient: Recipient(channel: .sms, address: phone.e164),
            content: DeliveryContent(text: sms.text, unicode: false), cause: message.envelope)
        let metadata = subject.metadata.merging([
            "correlation_id": "\(message.envelope.correlationId ?? command.messageId)",
            "message_id": "\(message.envelope.messageId)", "channel": "sms", "recipient": "\(phone.masked)",
            "segments": "\(sms.segments)",
        ]) { $1 }
        try queue.enqueueOnce(order, logging: "sms answer", metadata: metadata, logger: logger, in: db)
    }
}
