/// A day as lived in Vietnam, carried as the string `YYYY-MM-DD` (no time, no zone).
///
/// Due dates are counted in working days, so they are days, not instants: an instant
/// would move with the reader's time zone. The type only checks the form and that the
/// day exists; day arithmetic belongs to the working-day calendar.
public struct CalendarDate: Codable, Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The `YYYY-MM-DD` text.
    public let description: String

    /// Takes `text` when it is `YYYY-MM-DD` and names a real Gregorian day, else `nil`.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), day >= 1, day <= Self.days(inMonth: month, of: year)
        else { return nil }
        description = text
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = CalendarDate(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "'\(text)' is not a YYYY-MM-DD day")
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// `YYYY-MM-DD` sorts like the days it names.
    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        lhs.description < rhs.description
    }

    private static func days(inMonth month: Int, of year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
