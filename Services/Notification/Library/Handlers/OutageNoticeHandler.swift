import Contracts
import Foundation
import GRDB
import Logging
import Messaging
import NotificationText
import VietnameseIdentity

/// Turns outage's `notification.send-outage-notice` into one queued SMS: power is back after
/// the outage the customer reported, or a planned outage of their area was scheduled,
/// changed or cancelled.
///
/// Filed under the incident or planned outage with the command's issue instant as the
/// occasion, so a phone named by several supply points (or several reports) of one
/// restoration or one revision is texted once, and the next revision is texted again.
struct OutageNoticeHandler: Sendable {
    let queue: DeliveryQueue
    /// Whether SMS keep their diacritics (`SMS_UNICODE`).
    let unicode: Bool
    let logger: Logger

    func notify(_ command: SendOutageNotice, cause message: IncomingMessage, in db: Database) throws {
        let subject = DeliverySubject.outage(command.notice, reference: command.reference)
        guard let phone = try? VietnamesePhoneNumber(command.phone) else {
            throw MessageHandlingError.permanent("outage notice \(command.noticeId) names no Vietnamese mobile number")
        }
        let order = DeliveryOrder(
            subject: subject, occasion: command.issuedAt.formatted(.iso8601),
            recipient: Recipient(channel: .sms, address: phone.e164),
            content: DeliveryContent(sms: try Self.notice(command), unicode: unicode), cause: message.envelope)
        let metadata = subject.metadata.merging([
            "correlation_id": "\(message.envelope.correlationId ?? command.reference)",
            "message_id": "\(message.envelope.messageId)", "notice_id": "\(command.noticeId)", "channel": "sms",
            "recipient": "\(phone.masked)",
        ]) { $1 }
        if try queue.enqueue(order, at: queue.clock.preciseNow(), in: db) {
            logger.info("outage notice queued", metadata: metadata)
        } else {
            logger.debug("outage notice already queued for this phone, not repeated", metadata: metadata)
        }
    }

    /// The text for the notice; a planned-outage notice without its times cannot be written.
    private static func notice(_ command: SendOutageNotice) throws -> RenderedNotification {
        if command.notice == .restored {
            return try RenderedNotification(checking: {
                try PowerRestoredContext(branchName: command.branch.name, hotline: command.branch.hotline,
                                         cause: command.reason ?? "")
            })
        }
        guard let startsAt = command.startsAt, let endsAt = command.endsAt else {
            throw MessageHandlingError.permanent("planned-outage notice \(command.noticeId) has no start or end")
        }
        let location = command.location ?? ""
        let reason = command.reason ?? ""
        return switch command.notice {
        case .plannedChanged:
            try RenderedNotification(checking: {
                try PlannedOutageChangedContext(branchName: command.branch.name, location: location, reason: reason,
                                                startsAt: startsAt, endsAt: endsAt)
            })
        case .plannedCancelled:
            try RenderedNotification(checking: {
                try PlannedOutageCancelledContext(branchName: command.branch.name, location: location, reason: reason,
                                                  startsAt: startsAt, endsAt: endsAt)
            })
        default:
            try RenderedNotification(checking: {
                try PlannedOutageScheduledContext(branchName: command.branch.name, location: location, reason: reason,
                                                  startsAt: startsAt, endsAt: endsAt)
            })
        }
    }
}
