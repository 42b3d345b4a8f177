import Foundation
import Synchronization

/// Counts each party's requests against one ``RateLimit`` and says when the next one may come.
///
/// The generic cell rate algorithm: per key, one number — the instant the party's allowance
/// is whole again. A request moves it on by `period / count`; a request that would move it more
/// than a period ahead is refused, told how long until it would not. So a party may spend its
/// whole allowance at once and then one request per `period / count`, and a key costs a few
/// bytes whatever the limit. The counts live in memory: they protect the service from floods
/// within minutes, and a restart forgets them; what must outlive a restart (the messages sent
/// to a phone) is counted in a store.
public final class RateLimiter: Sendable {
    /// What a request is told.
    public enum Decision: Sendable, Equatable {
        case allowed
        /// Refused; the party may try again after this many seconds.
        case refused(retryAfter: TimeInterval)
    }

    public let limit: RateLimit
    /// Keys kept before the ones whose allowance is whole again are forgotten.
    private let sweepThreshold: Int
    private let allowanceWholeAt = Mutex<[String: TimeInterval]>([:])

    public init(_ limit: RateLimit, sweepThreshold: Int = 100_000) {
        self.limit = limit
        self.sweepThreshold = sweepThreshold
    }

    /// Counts one request of `key` at `now`, unless it is refused.
    public func admit(_ key: String, at now: Date) -> Decision {
        let now = now.timeIntervalSince1970
        let interval = limit.period / Double(limit.count)
        return allowanceWholeAt.withLock { table in
            let next = max(table[key] ?? now, now) + interval
            guard next - now <= limit.period + 1e-9 else {
                return .refused(retryAfter: next - now - limit.period)
            }
            table[key] = next
            if table.count > sweepThreshold {
                table = table.filter { $0.value > now }
            }
            return .allowed
        }
    }
}
