/// The working days of the corporation's offices, and the service-time (SLA) arithmetic
/// built on them.
///
/// Service-time limits for customer requests (3 working days for a contract change, 5 for
/// a rural connection, …) are legal commitments counted in working days, so the CRM needs
/// one authority on which days count. A working day is Monday–Friday minus public
/// holidays, compensatory days and the extra days off the government grants, plus the
/// Saturdays it orders worked in exchange; see ``HolidayResolver`` for the precedence.
///
/// ## Due-date convention
///
/// The day a request is received is day 0 and never counts, whether or not it is a
/// working day: counting starts with the first working day *after* the day of receipt
/// (the corporation's standard). A request with a limit of `N` working days received on
/// day `D` is due at the **end** of the `N`-th working day after `D`:
///
/// - received Monday, limit 3 → due Thursday;
/// - received Friday, Saturday or Sunday, limit 3 → due Wednesday (Monday is day 1);
/// - limit 0 ("at once") → due on the day of receipt.
///
/// The outcome uses the same count: ``workingDays(from:to:)`` gives the working days in
/// `(received, completed]`, and a request is on time when that number is at most `N`.
/// A request completed on the weekend after its Friday due date is therefore still on
/// time: no working day has passed.
///
/// The value is cheap to copy: years are computed once, on first use, and shared. Nothing
/// here reads the clock, the network or the disk (loading the override files is a
/// separate step, ``load(overridesFolder:)``).
public struct WorkingCalendar: Sendable {
    /// The holiday rules in force.
    public let rules: [HolidayRule]
    /// The government's decisions, by year.
    public let schedules: [Int: YearSchedule]
    /// The lunar calendar used for Tết and Hùng Kings' Day.
    public let lunarCalendar: VietnameseLunarCalendar
    private let cache: YearTableCache

    /// A calendar from explicit rules and decisions; by default the Labour Code 2019 and
    /// the schedules built into the library.
    ///
    /// When two schedules have the same year, the later one in `schedules` wins.
    public init(
        rules: [HolidayRule] = HolidayRule.labourCode2019,
        schedules: [YearSchedule] = YearSchedule.published,
        lunarCalendar: VietnameseLunarCalendar = .vietnam
    ) {
        var byYear: [Int: YearSchedule] = [:]
        for schedule in schedules { byYear[schedule.year] = schedule }
        self.rules = rules
        self.schedules = byYear
        self.lunarCalendar = lunarCalendar
        self.cache = YearTableCache(
            resolver: HolidayResolver(rules: rules, schedules: byYear, lunarCalendar: lunarCalendar))
    }

    /// The calendar with the built-in rules and published schedules only.
    public static let standard = WorkingCalendar()

    // MARK: Days

    /// The full status of `day`, including make-up Saturdays.
    public func status(of day: CalendarDay) -> DayStatus {
        cache.table(for: day.year).status(of: day)
    }

    /// Whether `day` is a working day (it counts towards service-time limits).
    public func isWorkingDay(_ day: CalendarDay) -> Bool {
        status(of: day).isWorkingDay
    }

    /// Why `day` is not a working day, or `nil` when it is one.
    public func reason(for day: CalendarDay) -> NonWorkingReason? {
        if case .nonWorking(let reason) = status(of: day) { return reason }
        return nil
    }

    /// Whether the government's decision for `year` is known (built in or loaded from a
    /// file). Without it the year follows the rules' defaults, and due dates in it are
    /// provisional: the CRM may want to say so.
    public func hasPublishedSchedule(for year: Int) -> Bool {
        schedules[year] != nil
    }

    /// The days off of `year` other than ordinary weekends (holidays, compensatory and
    /// swapped days), in date order, for display.
    public func daysOff(in year: Int) -> [(day: CalendarDay, reason: NonWorkingReason)] {
        let table = cache.table(for: year)
        let first = CalendarDay(year: year, month: 1, day: 1)
        return table.statuses.enumerated().compactMap { offset, status in
            guard case .nonWorking(let reason) = status else { return nil }
            if case .weekend = reason { return nil }
            return (first.adding(days: offset), reason)
        }
    }

    /// The weekend days of `year` that are working days, in date order.
    public func makeUpWorkingDays(in year: Int) -> [(day: CalendarDay, reason: LocalizedName)] {
        let table = cache.table(for: year)
        let first = CalendarDay(year: year, month: 1, day: 1)
        return table.statuses.enumerated().compactMap { offset, status in
            guard case .makeUpWorkingDay(let reason) = status else { return nil }
            return (first.adding(days: offset), reason)
        }
    }

    // MARK: Service-time arithmetic

    /// The due date of a request received on `start` with a limit of `n` working days:
    /// the `n`-th working day after `start` (see the convention above). `n == 0` gives
    /// `start`; a negative `n` counts backwards (the `|n|`-th working day before `start`),
    /// which answers "by when must a request arrive to be done by this day".
    public func addingWorkingDays(_ n: Int, to start: CalendarDay) -> CalendarDay {
        let step = n >= 0 ? 1 : -1
        var remaining = abs(n)
        var day = start
        var table = cache.table(for: day.year)
        while remaining > 0 {
            day = day.adding(days: step)
            if day.year != table.year { table = cache.table(for: day.year) }
            if table.status(of: day).isWorkingDay { remaining -= 1 }
        }
        return day
    }

    /// The working days elapsed from `start` to `end`: those in `(start, end]`.
    ///
    /// With `start` the day a request was received and `end` the day it was completed,
    /// the request met a limit of `N` working days when the result is `<= N`. The count
    /// is antisymmetric: swapping the arguments negates it.
    public func workingDays(from start: CalendarDay, to end: CalendarDay) -> Int {
        if end < start { return -workingDays(from: end, to: start) }
        if start.year == end.year {
            let table = cache.table(for: start.year)
            return table.workingDays(through: end) - table.workingDays(through: start)
        }
        let startTable = cache.table(for: start.year)
        var total = startTable.totalWorkingDays - startTable.workingDays(through: start)
        for year in (start.year + 1)..<end.year {
            total += cache.table(for: year).totalWorkingDays
        }
        total += cache.table(for: end.year).workingDays(through: end)
        return total
    }

    /// The first working day strictly after `day`.
    public func nextWorkingDay(after day: CalendarDay) -> CalendarDay {
        addingWorkingDays(1, to: day)
    }
}
