/// Exponential back-off with full jitter, so that services reconnecting after
/// a broker restart do not all knock at the same instant.
public struct Backoff: Sendable, Equatable {
    public var initial: Duration
    public var maximum: Duration
    public var multiplier: Double

    public init(initial: Duration, maximum: Duration, multiplier: Double = 2) {
        self.initial = initial
        self.maximum = maximum
        self.multiplier = multiplier
    }

    /// Reconnecting to the broker: 100 ms doubling up to 5 s.
    public static let reconnect = Backoff(initial: .milliseconds(100), maximum: .seconds(5))
    /// Retrying a failed handler: 50 ms doubling up to 2 s.
    public static let retry = Backoff(initial: .milliseconds(50), maximum: .seconds(2))
    /// Waiting for a store that is locked, full or failing: 100 ms doubling up to 5 s.
    public static let store = Backoff(initial: .milliseconds(100), maximum: .seconds(5))

    /// The upper bound of the delay before attempt `attempt` (1 is the first retry).
    public func ceiling(attempt: Int) -> Duration {
        let factor = Foundation.pow(multiplier, Double(max(0, attempt - 1)))
        let seconds = min(maximum.seconds, initial.seconds * factor)
        return .seconds(seconds)
    }

    /// A random delay between half the ceiling and the ceiling.
    public func delay(attempt: Int) -> Duration {
        let ceiling = ceiling(attempt: attempt).seconds
        return .seconds(Double.random(in: (ceiling / 2)...ceiling))
    }
}

import Foundation

extension Duration {
    var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
