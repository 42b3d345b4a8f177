import Foundation
import WorkingCalendar

/// An instant given in Vietnam's time zone (UTC+7), as people there read it: `"2025-09-09 10:00"`.
func vietnamTime(_ text: String) -> Date {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = CalendarDay.vietnamTimeZone
    formatter.dateFormat = "yyyy-MM-dd HH:mm"
    return formatter.date(from: text)!
}
