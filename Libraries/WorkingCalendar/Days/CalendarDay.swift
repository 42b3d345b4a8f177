import Foundation

/// A civil date (year, month, day) in the proleptic Gregorian calendar, with no time and no time zone.
///
/// Service-time limits are counted in whole days as lived in Vietnam, so the CRM must
/// never compare `Date` instants directly: a request submitted at 23:30 UTC is already the
/// next morning in Vietnam. Convert an instant once, with ``init(_:in:)``, and work with
/// `CalendarDay` from then on. The type is a plain value (no `Calendar`, no `TimeZone`
/// inside) so it is cheap to hash, compare and store, and it encodes as the ISO 8601
/// string `"YYYY-MM-DD"` so that JSON files and API payloads stay readable.
public struct CalendarDay: Sendable, Hashable, Comparable {
    /// The Gregorian year, e.g. 2025.
    public let year: Int
    /// The month, 1–12.
    public let month: Int
    /// The day of the month, 1–31.
    public let day: Int

    /// Vietnam's civil time zone: UTC+7 all year round (no daylight saving time).
    ///
    /// A fixed offset rather than `Asia/Ho_Chi_Minh` on purpose: the tz database gives
    /// that zone other offsets before 1975, while the business rules (and the lunar
    /// calendar) are defined for UTC+7.
    public static let vietnamTimeZone = TimeZone(secondsFromGMT: 7 * 3600)!

    /// Creates a day from its parts.
    ///
    /// The parts must form a real date (for example not 30 February); an invalid date is
    /// a programming error and traps. Use ``init(validatingYear:month:day:)`` or the
    /// `"YYYY-MM-DD"` string initializer for untrusted input.
    public init(year: Int, month: Int, day: Int) {
        precondition(
            CalendarDay.isValid(year: year, month: month, day: day),
            "invalid calendar day \(year)-\(month)-\(day)")
        self.year = year
        self.month = month
        self.day = day
    }

    /// Creates a day from its parts, or `nil` when they do not form a real date.
    public init?(validatingYear year: Int, month: Int, day: Int) {
        guard CalendarDay.isValid(year: year, month: month, day: day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The day on which `date` falls in `timeZone` (Vietnam by default).
    ///
    /// Uses the zone's offset at that instant, so a zone with daylight saving time also
    /// works; for Vietnam this is simply UTC+7.
    public init(_ date: Date, in timeZone: TimeZone = CalendarDay.vietnamTimeZone) {
        let offset = Double(timeZone.secondsFromGMT(for: date))
        let local = date.timeIntervalSince1970 + offset
        let daysSinceEpoch = Int((local / 86_400).rounded(.down))
        self.init(julianDayNumber: CalendarDay.unixEpochJulianDay + daysSinceEpoch)
    }

    /// Whether the parts form a real Gregorian date.
    public static func isValid(year: Int, month: Int, day: Int) -> Bool {
        guard (1...12).contains(month), day >= 1 else { return false }
        return day <= daysInMonth(year: year, month: month)
    }

    /// Whether `year` is a Gregorian leap year.
    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// Number of days in `month` of `year`.
    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}

// MARK: - Day arithmetic

extension CalendarDay {
    /// Julian day number of 1970-01-01.
    static let unixEpochJulianDay = 2_440_588

    /// The Julian day number (days since 1 January 4713 BC, Julian calendar), the usual
    /// continuous day count of astronomy; it makes day arithmetic and the lunar
    /// calculations plain integer operations.
    public var julianDayNumber: Int {
        let a = (14 - month) / 12
        let y = year + 4800 - a
        let m = month + 12 * a - 3
        return day + (153 * m + 2) / 5 + 365 * y + y / 4 - y / 100 + y / 400 - 32045
    }

    /// The Gregorian day with the given Julian day number.
    public init(julianDayNumber jd: Int) {
        let a = jd + 32044
        let b = (4 * a + 3) / 146_097
        let c = a - (146_097 * b) / 4
        let d = (4 * c + 3) / 1461
        let e = c - (1461 * d) / 4
        let m = (5 * e + 2) / 153
        self.day = e - (153 * m + 2) / 5 + 1
        self.month = m + 3 - 12 * (m / 10)
        self.year = 100 * b + d - 4800 + m / 10
    }

    /// The day `count` days later (earlier when negative).
    public func adding(days count: Int) -> CalendarDay {
        CalendarDay(julianDayNumber: julianDayNumber + count)
    }

    /// The next calendar day.
    public var next: CalendarDay { adding(days: 1) }

    /// The previous calendar day.
    public var previous: CalendarDay { adding(days: -1) }

    /// Calendar days from `self` to `other` (negative when `other` is earlier).
    public func days(to other: CalendarDay) -> Int {
        other.julianDayNumber - julianDayNumber
    }

    /// The day of the week.
    public var weekday: Weekday {
        // JDN 0 was a Monday; ISO numbering Monday = 1 ... Sunday = 7.
        Weekday(rawValue: julianDayNumber % 7 + 1)!
    }

    /// Whether the day is a Saturday or Sunday, the weekly rest days of the public sector.
    public var isWeekend: Bool { weekday.isWeekend }

    /// The day's position in its year, 1 for 1 January.
    public var ordinal: Int {
        julianDayNumber - CalendarDay(year: year, month: 1, day: 1).julianDayNumber + 1
    }

    /// The instant at which this day starts (00:00) in `timeZone`.
    ///
    /// A due date "at the end of day D" is the instant `D.next.start(in:)`.
    public func start(in timeZone: TimeZone = CalendarDay.vietnamTimeZone) -> Date {
        let utcMidnight = Double(julianDayNumber - CalendarDay.unixEpochJulianDay) * 86_400
        let guess = Date(timeIntervalSince1970: utcMidnight)
        return Date(timeIntervalSince1970: utcMidnight - Double(timeZone.secondsFromGMT(for: guess)))
    }
}

// MARK: - Text and Codable

extension CalendarDay: LosslessStringConvertible, CustomStringConvertible {
    /// Parses the ISO 8601 form `"YYYY-MM-DD"` (four-digit year); `nil` for anything else
    /// or for a date that does not exist.
    ///
    /// Read byte by byte: every row and message with a day carries one, and splitting the text
    /// into characters cost a ticket read more than its SQL.
    public init?(_ description: String) {
        var text = description
        guard let (y, m, d) = text.withUTF8(Self.yearMonthDay) else { return nil }
        self.init(validatingYear: y, month: m, day: d)
    }

    /// The numbers of `YYYY-MM-DD` in UTF-8, ASCII digits only; `nil` for anything else.
    private static func yearMonthDay(_ bytes: UnsafeBufferPointer<UInt8>) -> (Int, Int, Int)? {
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
        return (year, month, day)
    }

    /// The ISO 8601 form `"YYYY-MM-DD"`.
    public var description: String {
        guard (0...9999).contains(year) else {
            let y = String(year)
            let paddedYear = String(repeating: "0", count: max(0, 4 - y.count)) + y
            return paddedYear + "-" + (month < 10 ? "0" : "") + String(month)
                + "-" + (day < 10 ? "0" : "") + String(day)
        }
        return String(unsafeUninitializedCapacity: 10) { text in
            func write(_ value: Int, at start: Int, digits: Int) {
                var rest = value
                for position in (start..<start + digits).reversed() {
                    text[position] = UInt8(ascii: "0") + UInt8(rest % 10)
                    rest /= 10
                }
            }
            write(year, at: 0, digits: 4)
            text[4] = UInt8(ascii: "-")
            write(month, at: 5, digits: 2)
            text[7] = UInt8(ascii: "-")
            write(day, at: 8, digits: 2)
            return 10
        }
    }
}

extension CalendarDay: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let day = CalendarDay(text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "expected a date as \"YYYY-MM-DD\", got \"\(text)\"")
        }
        self = day
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
