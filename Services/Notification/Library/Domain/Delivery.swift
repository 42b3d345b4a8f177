import Contracts
import Foundation

/// A queued delivery taken for sending, its recipient and text still sealed.
struct Delivery: Sendable {
    /// Also the gateway's `RequestId` and the e-mail's Message-ID, so a repeated send is recognisable.
    var id: String
    var subject: DeliverySubject
    var channel: CustomerNotified.DeliveryChannel
    var recipientMasked: String
    var recipientSealed: Data
    var contentSealed: Data
    /// Attempts so far, this one included.
    var attempts: Int
    var causationId: String
    var traceparent: String?
}
