import Foundation

/// How many bulk deliveries may leave now, so that reminders reach the gateway at
/// `BULK_DELIVERIES_PER_SECOND` on average and never in a burst.
///
/// A brandname gateway refuses (or silently delays) an account that sends faster than its
/// contract's rate, and a refused SMS costs a retry; urgent notices must find room under
/// that rate too. A token bucket: credit grows at `perSecond` up to ``burst`` (a quarter
/// second's worth, at least one), each bulk delivery taken spends one. So any one second
/// sees at most `perSecond` plus ``burst`` bulk sends, whatever backlog waits.
struct BulkPace: Sendable {
    /// Bulk deliveries a second, on average.
    let perSecond: Double
    /// The most that may leave together after a quiet spell.
    let burst: Int
    private var credit: Double
    private var updatedAt: Date

    init(perSecond: Double, now: Date) {
        self.perSecond = perSecond
        burst = max(1, Int(perSecond / 4))
        credit = 1
        updatedAt = now
    }

    /// How many bulk deliveries may leave at `now`, at most `limit`, without spending them.
    func available(upTo limit: Int, at now: Date) -> Int {
        min(limit, Int(refilled(at: now)))
    }

    /// Spends `count` of the credit for deliveries taken at `now`.
    mutating func spend(_ count: Int, at now: Date) {
        credit = refilled(at: now) - Double(count)
        updatedAt = now
    }

    /// When the next bulk delivery may leave.
    func nextSlot(after now: Date) -> Date {
        let credit = refilled(at: now)
        return credit >= 1 ? now : now.addingTimeInterval((1 - credit) / perSecond)
    }

    private func refilled(at now: Date) -> Double {
        min(Double(burst), credit + max(0, now.timeIntervalSince(updatedAt)) * perSecond)
    }
}
