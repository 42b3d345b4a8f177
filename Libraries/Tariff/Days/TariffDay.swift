/// A civil day (year, month, day): the day a tariff or a VAT rate takes effect, the day a
/// bill is estimated for, or an end of a reading period.
///
/// A tariff changes at the start of a day in Vietnam (UTC+7) and a reading period is a run
/// of whole days, so the library works with days and never with instants: the caller turns
/// "now" into today in Vietnam (as `CalendarDay(clock.now())` does in a service) and passes the
/// day. The library depends on Foundation only, hence its own small value rather than
/// another module's. It encodes as `"YYYY-MM-DD"`, the form operators write in the tariff
/// file.
public struct TariffDay: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The Gregorian year, 1–9999.
    public let year: Int
    /// The month, 1–12.
    public let month: Int
    /// The day of the month, 1–31.
    public let day: Int

    /// The day with these parts; `nil` when they do not form a real date (30 February) or
    /// the year has more than four digits, which `"YYYY-MM-DD"` cannot carry.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              day >= 1, day <= TariffDay.daysInMonth(year: year, month: month)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `"YYYY-MM-DD"`; `nil` for any other form or for a date that does not exist.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let day = TariffDay(text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "expected a day as \"YYYY-MM-DD\", got \"\(text)\"")
        }
        self = day
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// `"YYYY-MM-DD"`.
    public var description: String {
        "\(Self.padded(year, to: 4))-\(Self.padded(month, to: 2))-\(Self.padded(day, to: 2))"
    }

    /// `"DD/MM/YYYY"`, the way a Vietnamese reader writes a date, for the error messages.
    var vietnameseText: String {
        "\(Self.padded(day, to: 2))/\(Self.padded(month, to: 2))/\(Self.padded(year, to: 4))"
    }

    public static func < (lhs: TariffDay, rhs: TariffDay) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    // MARK: Day arithmetic, for splitting a reading period

    /// Days since 1970-01-01 (negative before it).
    ///
    /// The "days from civil" count of H. Hinnant's date algorithms: years start in March so
    /// that the leap day is the last day of the year and months have a fixed pattern.
    var dayNumber: Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The day `dayNumber` days after 1970-01-01; the inverse of ``dayNumber``.
    init(dayNumber: Int) {
        let shifted = dayNumber + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    }

    /// The day before this one.
    var previous: TariffDay { TariffDay(dayNumber: dayNumber - 1) }

    /// Days from this day through `last`, both counted: 1 when they are the same day.
    func daysThrough(_ last: TariffDay) -> Int {
        last.dayNumber - dayNumber + 1
    }

    private static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    private static func padded(_ value: Int, to width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
