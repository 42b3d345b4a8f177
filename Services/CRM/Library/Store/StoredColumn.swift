import WorkingCalendar

/// Reads the typed values crm stores as text (enum raw values, `YYYY-MM-DD` days), refusing
/// a value this version does not know rather than guessing.
enum StoredColumn {
    static func decode<T: RawRepresentable>(_ type: T.Type, _ raw: T.RawValue) throws -> T {
        guard let value = T(rawValue: raw) else { throw CorruptTicket(column: "\(T.self)", value: "\(raw)") }
        return value
    }

    static func day(_ text: String) throws -> CalendarDay {
        guard let day = CalendarDay(text) else { throw CorruptTicket(column: "day", value: text) }
        return day
    }
}

/// A stored ticket whose column holds a value this version does not know.
struct CorruptTicket: Error, CustomStringConvertible {
    var column: String
    var value: String
    var description: String { "a stored ticket holds \(value) as \(column)" }
}
