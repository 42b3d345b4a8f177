import Foundation

/// notification reached the customer about a request (after steps 2, 3–4, 6 and 7).
///
/// crm puts it on the request's timeline, so the customer and staff see that the notice went
/// out and by which channels. It names the notice, never the phone number, address or text.
///
/// One event announces the messages of a notice that notification settled together (usually
/// its SMS and its e-mail); a message delivered later, after a retry, gets an event of its own.
public struct CustomerNotified: MessageContract {
    public static let routingKey = "notification.customer.notified"
    public static let version = 1
    public static let kind = MessageKind.event

    /// Which notice of the flow went out.
    public enum Notice: String, Codable, Sendable, CaseIterable {
        case requestReceived = "request_received"
        case requestRefused = "request_refused"
        case contractReady = "contract_ready"
        case contractSigned = "contract_signed"
        /// A service request's stage (`crm.request.progressed`); one per stage.
        case requestProgressed = "request_progressed"
    }

    /// How the notice reached the customer.
    public enum DeliveryChannel: String, Codable, Sendable, CaseIterable {
        case sms
        case email
    }

    /// A message of the notice that reached the customer, and when.
    public struct ChannelDelivery: Codable, Sendable, Equatable {
        public var channel: DeliveryChannel
        public var deliveredAt: Date

        public init(channel: DeliveryChannel, deliveredAt: Date) {
            self.channel = channel
            self.deliveredAt = deliveredAt
        }
    }

    public var requestCode: String
    public var notice: Notice
    /// The channel a delivered message of the notice went by.
    public var channel: DeliveryChannel
    public var deliveredAt: Date
    /// The notice's other messages delivered with it (the e-mail beside the SMS), so that a notice
    /// whose messages are settled together is announced once; absent when there are none. Added
    /// to v1: a reader that predates it still reads `channel` and `deliveredAt`.
    public var alsoDelivered: [ChannelDelivery]?

    public init(requestCode: String, notice: Notice, channel: DeliveryChannel, deliveredAt: Date,
                alsoDelivered: [ChannelDelivery]? = nil) {
        self.requestCode = requestCode
        self.notice = notice
        self.channel = channel
        self.deliveredAt = deliveredAt
        self.alsoDelivered = alsoDelivered
    }

    /// Every message the event announces: `channel` at `deliveredAt`, then ``alsoDelivered``.
    public var deliveries: [ChannelDelivery] {
        [ChannelDelivery(channel: channel, deliveredAt: deliveredAt)] + (alsoDelivered ?? [])
    }
}
