/// One statutory public holiday, as data: what it is called, how its date is found, the
/// law it comes from and the period in which that law applies.
///
/// Holidays change by law (Labour Code 2012 gave one day for National Day, the 2019 code
/// two; a Vietnam Culture Day on 24 November has been proposed), so they are not
/// constants in code: a new law is a new rule with a `validFrom`, and the old rule gets
/// a `validUntil`. Rules are `Codable` so that a `holiday-rules.json` file can replace the
/// built-in list without a release.
///
/// A rule only gives the *default* dates. Where the law leaves the choice to the Prime
/// Minister (the five days of Tết and the day next to National Day, Labour Code 2019
/// art. 112.3), the year's ``YearSchedule`` records the dates actually decided, under the
/// rule's ``id``.
public struct HolidayRule: Sendable, Hashable, Codable, Identifiable {
    /// Stable key used by year schedules to give the decided dates, e.g. `"tet"`.
    public let id: String
    /// Name shown to people.
    public let name: LocalizedName
    /// How the dates are found.
    public let date: RuleDate
    /// First day on which the rule applies (inclusive); `nil` for no lower bound.
    public let validFrom: CalendarDay?
    /// Last day on which the rule applies (inclusive); `nil` while in force.
    public let validUntil: CalendarDay?
    /// The legal source, cited for audits, e.g. "Bộ luật Lao động 2019, Điều 112.1.a".
    public let legalBasis: String

    public init(
        id: String, name: LocalizedName, date: RuleDate,
        validFrom: CalendarDay? = nil, validUntil: CalendarDay? = nil, legalBasis: String
    ) {
        self.id = id
        self.name = name
        self.date = date
        self.validFrom = validFrom
        self.validUntil = validUntil
        self.legalBasis = legalBasis
    }

    /// Whether the rule is in force on `day`.
    public func applies(on day: CalendarDay) -> Bool {
        if let validFrom, day < validFrom { return false }
        if let validUntil, day > validUntil { return false }
        return true
    }

    /// How a holiday's dates are found in a given year.
    public enum RuleDate: Sendable, Hashable, Codable {
        /// A fixed Gregorian date, e.g. 30 April.
        case gregorian(month: Int, day: Int)
        /// A fixed date of the lunar calendar (never the leap copy of the month), e.g.
        /// 10/3 for Hùng Kings' Day.
        case lunar(month: Int, day: Int)
        /// Tết: the last `daysBefore` days of the old lunar year and the first
        /// `daysAfter` days of the new one. The Prime Minister picks the actual split each
        /// year; this is the default until a decision is recorded.
        case lunarNewYear(daysBefore: Int, daysAfter: Int)
        /// One day next to a fixed Gregorian date, chosen each year by the Prime Minister
        /// (National Day's second day). Until decided: the day before, unless that is a
        /// Saturday or Sunday, then the day after — the choice made in most recent years.
        case adjacentTo(month: Int, day: Int)
    }
}
