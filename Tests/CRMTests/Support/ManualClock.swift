import Foundation

/// A clock a test sets by hand, so "today" (due today, breached) and the instants crm
/// stamps on its steps are known in advance.
final class ManualClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    init(_ start: Date) {
        current = start
    }

    var now: Date {
        lock.withLock { current }
    }

    func set(_ date: Date) {
        lock.withLock { current = date }
    }
}

/// An instant given in Vietnam's time zone (UTC+7), as people there read it: `"2025-09-09 10:00"`.
func vietnamTime(_ text: String) -> Date {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(secondsFromGMT: 7 * 3600)
    formatter.dateFormat = "yyyy-MM-dd HH:mm"
    return formatter.date(from: text)!
}
