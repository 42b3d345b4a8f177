/// Why a day is not a working day, for display next to a due date ("due 3 Feb: 25 Jan –
/// 2 Feb are Tết holidays") and for explaining an SLA outcome to a customer.
public enum NonWorkingReason: Sendable, Hashable {
    /// A weekly rest day (Saturday or Sunday).
    case weekend(Weekday)
    /// A statutory public holiday (Labour Code art. 112.1), including the days the
    /// government chose for Tết and National Day.
    case publicHoliday(LocalizedName)
    /// The compensatory day off for a public holiday that fell on a weekly rest day
    /// (Labour Code art. 111.3).
    case compensatoryDayOff(holiday: LocalizedName, holidayDate: CalendarDay)
    /// An extra day off decided for the year (a swapped working day or a bridge).
    case governmentDayOff(LocalizedName)

    /// The reason in Vietnamese and English.
    public var name: LocalizedName {
        switch self {
        case .weekend(let weekday):
            return LocalizedName(
                vi: "Nghỉ hằng tuần (\(weekday.vietnameseName))",
                en: "Weekly rest day (\(weekday.englishName))")
        case .publicHoliday(let name):
            return name
        case .compensatoryDayOff(let holiday, let date):
            return LocalizedName(
                vi: "Nghỉ bù \(holiday.vi) (\(date.day)/\(date.month)/\(date.year))",
                en: "Compensatory day off for \(holiday.en) (\(date))")
        case .governmentDayOff(let name):
            return name
        }
    }

    /// The reason in Vietnamese.
    public var vietnamese: String { name.vi }

    /// The reason in English.
    public var english: String { name.en }
}
