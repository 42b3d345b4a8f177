import Foundation
import VietnameseIdentity

/// One message a customer texted to the company's short code, as the SMS gateway reports it.
struct InboundSMS: Sendable {
    /// The gateway's id of the message: a retried callback carries the same one.
    var messageId: String
    /// The customer's mobile, the one the answer goes back to.
    var sender: VietnamesePhoneNumber
    /// The short code texted, e.g. `8088`, quoted back in the help text.
    var shortCode: String
    var text: String
    /// When the gateway received it; nil when it did not say.
    var receivedAt: Date?
}
