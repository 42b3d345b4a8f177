import Foundation

/// Fixed reference dates, so that birth-year checks do not drift with the calendar.
enum TestDates {
    /// 15 June 2025, noon in Hà Nội.
    static let midJune2025 = Date(timeIntervalSince1970: 1_749_963_600)
    /// 31 Dec 2025 18:00 UTC, which is already 1 Jan 2026 01:00 in Vietnam (UTC+7).
    static let newYear2026InHanoi = Date(timeIntervalSince1970: 1_767_204_000)
}
