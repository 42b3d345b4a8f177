import Foundation
import Logging
import ServiceKit
import ServiceLifecycle
import WorkingCalendar

/// Runs the deadline digest while the service runs: it looks at the service's clock at most a
/// minute apart (and exactly at the digest's hour), and runs a pass whenever the day's digest is
/// due, asking the directory only for branches with a ticket this process has not yet told of
/// that day. A failed pass is logged and tried again
/// at the next look; the pass's record keeps every person to one digest a day, so running it on
/// several replicas, or again after a restart, sends nothing twice. On a day off (a weekend, a
/// public holiday, as the working calendar says) it logs once that no digest goes that day.
struct DeadlineDigestSchedule: Service {
    let digest: DeadlineDigest
    let clock: WallClock
    let logger: Logger
    /// The longest wait between two looks at the clock.
    static let longestWait: TimeInterval = 60

    func run() async throws {
        try? await cancelWhenGracefulShutdown {
            var covered: (day: CalendarDay, tickets: Set<String>)?
            var dayOffTold: CalendarDay?
            while !Task.isCancelled {
                let now = clock.preciseNow()
                let today = CalendarDay(now)
                if dayOffTold != today, !digest.calendar.isWorkingDay(today) {
                    logger.info("no deadline digest today: not a working day", metadata: ["day": "\(today)"])
                    dayOffTold = today
                }
                if digest.isDue(at: now) {
                    do {
                        let pass = try await digest.run(at: now, covered: covered?.day == today ? covered?.tickets ?? [] : [])
                        covered = (today, pass.covered)
                    } catch {
                        logger.error("deadline digest failed; tried again at the next look", metadata: ["error": "\(error)"])
                    }
                }
                try await Task.sleep(for: .seconds(wait(after: clock.preciseNow())))
            }
        }
    }

    /// Seconds to the next look: a minute, or less when the digest's hour comes sooner.
    private func wait(after now: Date) -> TimeInterval {
        let hour = CalendarDay(now).start().addingTimeInterval(TimeInterval(digest.at.secondsIntoDay))
        let untilHour = hour.timeIntervalSince(now)
        return untilHour > 0 ? min(Self.longestWait, max(0.2, untilHour)) : Self.longestWait
    }
}
