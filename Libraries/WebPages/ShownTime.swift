import Foundation
import WorkingCalendar

/// Days and times as the pages show them: `dd/MM/yyyy`, `HH:mm`, in Vietnam's time zone.
public enum ShownTime {
    static let vietnam = CalendarDay.vietnamTimeZone

    /// `dd/MM/yyyy HH:mm`.
    public static func dayAndTime(_ date: Date) -> String {
        let parts = components(date)
        return String(format: "%02d/%02d/%04d %02d:%02d", parts.day!, parts.month!, parts.year!, parts.hour!, parts.minute!)
    }

    /// `HH:mm`.
    public static func time(_ date: Date) -> String {
        let parts = components(date)
        return String(format: "%02d:%02d", parts.hour!, parts.minute!)
    }

    /// A `YYYY-MM-DD` day as `dd/MM/yyyy`; anything else as given.
    public static func day(_ isoDay: String) -> String {
        let parts = isoDay.split(separator: "-")
        guard parts.count == 3 else { return isoDay }
        return "\(parts[2])/\(parts[1])/\(parts[0])"
    }

    private static func components(_ date: Date) -> DateComponents {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = vietnam
        return calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
    }
}
