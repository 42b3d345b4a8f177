import Foundation
import Messaging

/// How often and how far apart a failed delivery is tried again.
///
/// Exponential back-off with jitter (``Backoff``), capped, so that a gateway or mail relay
/// that is down is not hammered and many deliveries failing together do not retry together.
struct DeliveryPolicy: Sendable {
    /// Attempts of one delivery, the first included, before it is marked failed (`DELIVERY_MAX_ATTEMPTS`).
    var maxAttempts: Int
    /// The delay before the first retry, doubling up to the cap
    /// (`DELIVERY_RETRY_INITIAL_SECONDS`, `DELIVERY_RETRY_MAX_SECONDS`).
    var backoff: Backoff

    /// When a delivery that has failed `attempts` times should be tried again.
    func nextAttempt(after attempts: Int, from now: Date) -> Date {
        let (seconds, attoseconds) = backoff.delay(attempt: attempts).components
        return now.addingTimeInterval(TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18)
    }
}
