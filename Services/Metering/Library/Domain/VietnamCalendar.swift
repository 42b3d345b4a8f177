import Contracts
import Foundation

/// Days as lived in Vietnam (UTC+7, no daylight saving), for verification validity.
///
/// A meter's verification certificate is valid through a calendar day, so "valid today"
/// turns over at midnight in Hà Nội, not in UTC.
enum VietnamCalendar {
    /// The day `instant` falls on in Vietnam.
    static func day(of instant: Date) -> CalendarDate {
        let parts = calendar.dateComponents([.year, .month, .day], from: instant)
        // Four-digit year, two-digit month and day of a real date: always a valid day.
        return CalendarDate(String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!))!
    }

    /// The day `count` days after `day`.
    static func day(_ count: Int, after day: CalendarDate) -> CalendarDate {
        let parts = day.description.split(separator: "-").compactMap { Int($0) }
        let start = calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2], hour: 12))!
        return Self.day(of: calendar.date(byAdding: .day, value: count, to: start)!)
    }

    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 7 * 3600)!
        return calendar
    }()
}
