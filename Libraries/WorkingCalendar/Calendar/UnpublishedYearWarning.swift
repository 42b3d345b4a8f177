import Foundation
import Logging
import Metrics
import Synchronization

/// Tells operators when a due date is counted over a year whose schedule the government
/// has not published, or that is not loaded.
///
/// Such a year follows the statutory rules alone (no bridge days, no make-up Saturdays,
/// Tết and National Day on their default days), so its due dates may move once the
/// decision is out, and customers will have been given the old ones. Every such due date
/// counts in `working_calendar_unpublished_year_total{year="…"}`, where an alert can see
/// it; the log gets one warning per year, naming the file that would fix it, rather than
/// one per ticket.
///
/// One value serves concurrent requests, so the years already warned about, its only
/// mutable state, sit behind a mutex.
public final class UnpublishedYearWarning: Sendable {
    /// The counter's name on `/metrics`.
    public static let metricLabel = "working_calendar_unpublished_year_total"

    private let calendar: WorkingCalendar
    private let logger: Logger
    private let metrics: any MetricsFactory
    private let warnedYears = Mutex<Set<Int>>([])

    /// - Parameters:
    ///   - calendar: the calendar the due dates are counted on.
    ///   - logger: where the warnings go.
    ///   - metrics: where the counter goes; the process's metrics system by default.
    public init(calendar: WorkingCalendar, logger: Logger, metrics: any MetricsFactory = MetricsSystem.factory) {
        self.calendar = calendar
        self.logger = logger
        self.metrics = metrics
    }

    /// Notes a due date counted from `start` (the day of receipt) to `due`: each year from
    /// the one to the other without a published schedule is counted, and warned about the
    /// first time.
    public func note(dueDate due: CalendarDay, countedFrom start: CalendarDay) {
        for year in min(start.year, due.year)...max(start.year, due.year)
        where !calendar.hasPublishedSchedule(for: year) {
            Counter(label: Self.metricLabel, dimensions: [("year", String(year))], factory: metrics).increment()
            guard warnedYears.withLock({ $0.insert(year).inserted }) else { continue }
            logger.warning(
                "due dates counted on a year without a published holiday schedule may move when it is published",
                metadata: ["year": "\(year)", "file": "\(WorkingCalendar.scheduleFileName(for: year))"])
        }
    }
}
