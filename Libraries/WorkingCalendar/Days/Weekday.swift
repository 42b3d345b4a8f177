/// A day of the week, numbered as in ISO 8601 (Monday = 1 … Sunday = 7).
///
/// Kept as its own small type, rather than `Calendar`'s Sunday-first integers, so that
/// the weekend rule reads plainly and the names can be shown in Vietnamese.
public enum Weekday: Int, Sendable, Hashable, Codable, CaseIterable {
    case monday = 1, tuesday, wednesday, thursday, friday, saturday, sunday

    /// Saturday and Sunday are the weekly rest days of state agencies, whose holiday
    /// notices the corporation follows.
    public var isWeekend: Bool { self == .saturday || self == .sunday }

    /// Vietnamese name as printed on notices ("Thứ Hai" … "Chủ nhật").
    public var vietnameseName: String {
        switch self {
        case .monday: "Thứ Hai"
        case .tuesday: "Thứ Ba"
        case .wednesday: "Thứ Tư"
        case .thursday: "Thứ Năm"
        case .friday: "Thứ Sáu"
        case .saturday: "Thứ Bảy"
        case .sunday: "Chủ nhật"
        }
    }

    /// English name.
    public var englishName: String {
        switch self {
        case .monday: "Monday"
        case .tuesday: "Tuesday"
        case .wednesday: "Wednesday"
        case .thursday: "Thursday"
        case .friday: "Friday"
        case .saturday: "Saturday"
        case .sunday: "Sunday"
        }
    }
}
