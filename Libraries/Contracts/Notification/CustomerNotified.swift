import Foundation

/// notification reached the customer about a request (after steps 2, 3–4, 6 and 7).
///
/// crm puts it on the request's timeline, so the customer and staff see that the notice went
/// out and by which channels. It names the notice, never the phone number, address or text.
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

    public var requestCode: String
    public var notice: Notice
    /// The channel this delivery went by; one event per delivered message.
    public var channel: DeliveryChannel
    public var deliveredAt: Date

    public init(requestCode: String, notice: Notice, channel: DeliveryChannel, deliveredAt: Date) {
        self.requestCode = requestCode
        self.notice = notice
        self.channel = channel
        self.deliveredAt = deliveredAt
    }
}
