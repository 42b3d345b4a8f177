import Contracts
import Foundation
import Messaging

/// A request notice delivered by one or more messages of a sent batch, announced to crm in
/// one `notification.customer.notified`.
struct AnnouncedNotice: Sendable {
    let requestCode: String
    let notice: CustomerNotified.Notice
    /// The message that asked for the notice.
    let cause: RecordedCause
    /// Its messages delivered in the batch, in the batch's order.
    private(set) var messages: [CustomerNotified.ChannelDelivery]

    /// The request notices delivered in `batch`, one per notice and cause, in the order their
    /// first message appears; a reminder belongs to no request's timeline and is left out.
    static func delivered(in batch: [SettledDelivery]) -> [AnnouncedNotice] {
        var notices: [AnnouncedNotice] = []
        for settled in batch {
            guard case .delivered(_, let at) = settled.settlement,
                  case .request(let notice, let requestCode) = settled.delivery.subject else { continue }
            let delivery = settled.delivery
            let message = CustomerNotified.ChannelDelivery(channel: delivery.channel, deliveredAt: at.wholeSeconds)
            if let index = notices.firstIndex(where: {
                $0.requestCode == requestCode && $0.notice == notice && $0.cause.messageId == delivery.causationId
            }) {
                notices[index].messages.append(message)
            } else {
                notices.append(AnnouncedNotice(
                    requestCode: requestCode, notice: notice,
                    cause: RecordedCause(messageId: delivery.causationId, traceparent: delivery.traceparent),
                    messages: [message]))
            }
        }
        return notices
    }

    /// The event: its first message in `channel` and `deliveredAt`, the others in `alsoDelivered`.
    var event: CustomerNotified {
        CustomerNotified(requestCode: requestCode, notice: notice, channel: messages[0].channel,
                         deliveredAt: messages[0].deliveredAt,
                         alsoDelivered: messages.count > 1 ? Array(messages.dropFirst()) : nil)
    }
}
