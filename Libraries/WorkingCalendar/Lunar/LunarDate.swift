/// A date in the Vietnamese lunisolar calendar (*âm lịch*).
///
/// Holidays such as Tết (1/1) and Hùng Kings' Day (10/3) are defined on this calendar, so
/// the holiday rules need it as a value they can name and compare. `year` is the
/// Gregorian year in which the lunar year begins (lunar year 2025 is Ất Tỵ, starting
/// 2025-01-29). In a year with 13 months, the repeated month carries `isLeapMonth`.
public struct LunarDate: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Day of the lunar month, 1–30.
    public let day: Int
    /// Lunar month, 1–12 (1 is *tháng Giêng*, 12 is *tháng Chạp*).
    public let month: Int
    /// The lunar year, numbered by the Gregorian year in which it begins.
    public let year: Int
    /// Whether this is the leap (intercalary, *nhuận*) copy of `month`.
    public let isLeapMonth: Bool

    public init(day: Int, month: Int, year: Int, isLeapMonth: Bool = false) {
        self.day = day
        self.month = month
        self.year = year
        self.isLeapMonth = isLeapMonth
    }

    /// Written as on Vietnamese calendars, e.g. `"10/3/2025"` or `"15/6n/2025"` for a
    /// day of a leap sixth month.
    public var description: String {
        "\(day)/\(month)\(isLeapMonth ? "n" : "")/\(year)"
    }
}
