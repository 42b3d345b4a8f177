import Foundation

/// How one sent delivery ended, decided when its send returned and recorded with the rest of
/// its batch in one transaction (``DeliveryQueue/settle(_:in:)``).
struct SettledDelivery: Sendable {
    enum Settlement: Sendable {
        /// The gateway or the SMTP server accepted it at `at`, answering `outcome`.
        case delivered(outcome: String, at: Date)
        /// It did not go out, and goes again at `retryAt`.
        case retry(DeliveryFailure, retryAt: Date)
        /// It did not go out and never will: attempts ran out, or no retry can help.
        case failed(DeliveryFailure, at: Date)
    }

    var delivery: Delivery
    var settlement: Settlement
}
