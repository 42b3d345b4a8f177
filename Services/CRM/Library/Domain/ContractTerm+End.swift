import Contracts
import WorkingCalendar

extension ContractTerm {
    /// The day a contract of this term ends when it runs from `start`: the same day of the
    /// month `months` later, or that month's last day when it is shorter (a term from 31
    /// January ends on the last day of February).
    func end(from start: CalendarDay) -> CalendarDay {
        let monthIndex = start.year * 12 + (start.month - 1) + months
        let year = monthIndex / 12, month = monthIndex % 12 + 1
        return CalendarDay(year: year, month: month,
                           day: min(start.day, CalendarDay.daysInMonth(year: year, month: month)))
    }

    /// A renewal's new end: the same term again, from the old end, or from `today` when the
    /// contract has already run out, so that a late renewal does not start in the past.
    func renewedEnd(endingOn end: CalendarDay, today: CalendarDay) -> CalendarDay {
        self.end(from: max(end, today))
    }
}
