import Contracts
import Foundation
import GRDB
import Logging
import Messaging
import NotificationText
import VietnameseIdentity

/// Turns households' `notification.send-residence-reminder` into one queued SMS to the main
/// household: a sub-household's residence confirmation expires soon, or has expired.
///
/// Only SQLite is written, inside the inbox transaction; ``DeliveryDispatcher`` sends it with
/// the other deliveries. One SMS per reminder id: the inbox stops a redelivered command, and
/// the deliveries' reminder index stops the same reminder sent again under a new message id.
/// The phone is sealed at rest and only its masked form is logged.
struct ResidenceReminderHandler: Sendable {
    let queue: DeliveryQueue
    /// Whether SMS keep their diacritics (`SMS_UNICODE`).
    let unicode: Bool
    let logger: Logger

    func remind(_ command: SendResidenceReminder, cause message: IncomingMessage, in db: Database) throws {
        let subject = DeliverySubject.residenceReminder(command.threshold, reminderId: command.reminderId,
                                                        customerCode: command.customerCode)
        var metadata = subject.metadata.merging([
            "correlation_id": "\(message.envelope.correlationId ?? command.reminderId)",
            "message_id": "\(message.envelope.messageId)", "unit": "\(command.unit)", "channel": "sms",
        ]) { $1 }
        guard let phone = try? VietnamesePhoneNumber(command.phone) else {
            throw MessageHandlingError.permanent("reminder \(command.reminderId) names no Vietnamese mobile number")
        }
        metadata["recipient"] = "\(phone.masked)"
        let order = DeliveryOrder(
            subject: subject, occasion: "", recipient: Recipient(channel: .sms, address: phone.e164),
            content: DeliveryContent(sms: try Self.notice(command), unicode: unicode), cause: message.envelope)
        if try queue.enqueue(order, at: queue.clock.preciseNow(), in: db) {
            logger.info("residence reminder queued", metadata: metadata)
        } else {
            logger.info("residence reminder already queued or sent, not repeated", metadata: metadata)
        }
    }

    /// The text for the reminder's threshold.
    private static func notice(_ command: SendResidenceReminder) throws -> RenderedNotification {
        let validUntil = command.validUntil.description
        return switch command.threshold {
        case .expiringSoon:
            try RenderedNotification(checking: {
                try ResidenceExpiringContext(customerCode: command.customerCode, validUntil: validUntil)
            })
        case .expired:
            try RenderedNotification(checking: {
                try ResidenceExpiredContext(customerCode: command.customerCode, validUntil: validUntil)
            })
        }
    }
}
