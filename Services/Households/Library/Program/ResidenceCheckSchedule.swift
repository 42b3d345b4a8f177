import Foundation
import Logging
import ServiceLifecycle
import WorkingCalendar

/// Runs the residence pass once at start-up (a day the service was down is caught up) and
/// then every day at the configured time, Vietnam time, until the service stops.
///
/// A failed pass is logged and tried again at the next time; the pass itself is idempotent,
/// so running it on several replicas or twice a day does no harm.
struct ResidenceCheckSchedule: Service {
    let program: HouseholdsProgram
    let at: (hour: Int, minute: Int)
    let logger: Logger

    func run() async throws {
        try? await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    _ = try await program.runResidencePass()
                } catch {
                    logger.error("residence pass failed; next attempt at the next scheduled time", metadata: ["error": "\(error)"])
                }
                let now = program.clock.preciseNow()
                try await Task.sleep(for: .seconds(max(1, Self.next(at, after: now).timeIntervalSince(now))))
            }
        }
    }

    /// The next moment at `at` (Vietnam time) strictly after `now`.
    static func next(_ at: (hour: Int, minute: Int), after now: Date) -> Date {
        let today = CalendarDay(now)
        let candidate = today.start().addingTimeInterval(TimeInterval(at.hour * 3600 + at.minute * 60))
        return candidate > now ? candidate : today.next.start().addingTimeInterval(TimeInterval(at.hour * 3600 + at.minute * 60))
    }
}
