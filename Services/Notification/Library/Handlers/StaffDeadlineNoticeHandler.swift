import Contracts
import Foundation
import GRDB
import Logging
import Mail
import Messaging

/// Turns crm's `notification.send-staff-deadline-notice` into one queued e-mail to a member of a
/// branch's staff: the morning digest of their tickets' deadlines.
///
/// The text and subject are crm's. Filed under crm's notice id, so a repeated command e-mails
/// once; the address is sealed at rest with the other deliveries and logged masked.
struct StaffDeadlineNoticeHandler: Sendable {
    let queue: DeliveryQueue
    let logger: Logger

    func notify(_ command: SendStaffDeadlineNotice, cause message: IncomingMessage, in db: Database) throws {
        guard let address = try? MailAddress(command.email) else {
            throw MessageHandlingError.permanent("staff notice \(command.noticeId) names no usable e-mail address")
        }
        let subject = DeliverySubject.staffDeadline(noticeId: command.noticeId)
        let recipient = Recipient(channel: .email, address: address.email)
        let order = DeliveryOrder(
            subject: subject, occasion: "", recipient: recipient,
            content: DeliveryContent(text: command.text, subject: command.subject, senderName: nil, unicode: false),
            cause: message.envelope)
        let metadata = subject.metadata.merging([
            "correlation_id": "\(message.envelope.correlationId ?? command.noticeId)",
            "message_id": "\(message.envelope.messageId)", "channel": "email", "recipient": "\(recipient.masked)",
            "unit": "\(command.branchCode)", "staff_id": "\(command.staffId)",
        ]) { $1 }
        try queue.enqueueOnce(order, logging: "staff deadline notice", metadata: metadata, logger: logger, in: db)
    }
}
