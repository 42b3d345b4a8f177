/// The status of every day of one Gregorian year, computed once and then only read.
///
/// Due dates are computed for every request and every report row, so the expensive part
/// (lunar conversions, rule evaluation, compensation) runs once per year; a lookup is an
/// array index. The running count of working days makes "working days between two dates"
/// a subtraction, whatever the span.
struct YearTable: Sendable {
    let year: Int
    /// Julian day number of 1 January.
    let firstDayNumber: Int
    /// Status of each day, index 0 = 1 January.
    let statuses: [DayStatus]
    /// `cumulativeWorkingDays[i]` = working days among the first `i` days of the year;
    /// one element longer than `statuses`.
    let cumulativeWorkingDays: [Int]

    init(year: Int, statuses: [DayStatus]) {
        self.year = year
        self.firstDayNumber = CalendarDay(year: year, month: 1, day: 1).julianDayNumber
        self.statuses = statuses
        var running = 0
        var cumulative = [0]
        cumulative.reserveCapacity(statuses.count + 1)
        for status in statuses {
            if status.isWorkingDay { running += 1 }
            cumulative.append(running)
        }
        self.cumulativeWorkingDays = cumulative
    }

    private func index(of day: CalendarDay) -> Int {
        precondition(day.year == year, "\(day) looked up in the table of \(year)")
        return day.julianDayNumber - firstDayNumber
    }

    func status(of day: CalendarDay) -> DayStatus {
        statuses[index(of: day)]
    }

    /// Working days from 1 January through `day`, inclusive.
    func workingDays(through day: CalendarDay) -> Int {
        cumulativeWorkingDays[index(of: day) + 1]
    }

    /// Working days in the whole year.
    var totalWorkingDays: Int { cumulativeWorkingDays[cumulativeWorkingDays.count - 1] }
}
