/// What the government decided for one year: the days it chose where the law leaves a
/// choice, the extra days off it granted (swaps, bridges) and the Saturdays worked in
/// exchange.
///
/// Each year's notice (Ministry of Labour until 2025, Ministry of Home Affairs since)
/// arrives weeks or months ahead and cannot be predicted, so it is data: built-in for the
/// years already published (``published``) and replaceable by a file `holidays-YYYY.json`
/// in the overrides folder (see ``WorkingCalendar/load(overridesFolder:)``).
///
/// JSON form (every key but `year` may be omitted):
///
/// ```json
/// {
///   "year": 2025,
///   "sources": ["Notice 6150/TB-BLĐTBXH ..."],
///   "notes": ["anything a maintainer should know"],
///   "decidedDates": {
///     "tet": ["2025-01-27", "2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31"],
///     "national-day-adjacent": ["2025-09-01"]
///   },
///   "daysOff": [
///     { "date": "2025-05-02", "vi": "Nghỉ hoán đổi", "en": "Swapped day off" }
///   ],
///   "workingDays": [
///     { "date": "2025-04-26", "vi": "Làm bù cho ngày 2/5", "en": "Make-up day for 2 May" }
///   ]
/// }
/// ```
///
/// List in `daysOff` only what the government adds: the statutory days come from the
/// rules and compensatory days for holidays on weekends (art. 111.3) are derived.
/// `workingDays` wins over everything, so it can also cancel a derived day off.
public struct YearSchedule: Sendable, Hashable, Codable {
    /// The Gregorian year the decision is for.
    public let year: Int
    /// The decisions and notices this data was taken from.
    public let sources: [String]
    /// Remarks for maintainers: what was inferred, what could not be confirmed.
    public let notes: [String]
    /// Decided dates per rule id (``HolidayRule/id``), replacing the rule's default
    /// dates in this year: `"tet"` (5 days) and `"national-day-adjacent"` (1 day).
    public let decidedDates: [String: [CalendarDay]]
    /// Additional days off (swaps, bridges), with the reason shown to people.
    public let daysOff: [ScheduledDay]
    /// Weekend days that are working days (make-up days for a swap).
    public let workingDays: [ScheduledDay]

    public init(
        year: Int, sources: [String] = [], notes: [String] = [],
        decidedDates: [String: [CalendarDay]] = [:],
        daysOff: [ScheduledDay] = [], workingDays: [ScheduledDay] = []
    ) {
        self.year = year
        self.sources = sources
        self.notes = notes
        self.decidedDates = decidedDates
        self.daysOff = daysOff
        self.workingDays = workingDays
    }

    private enum CodingKeys: String, CodingKey {
        case year, sources, notes, decidedDates, daysOff, workingDays
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        year = try c.decode(Int.self, forKey: .year)
        sources = try c.decodeIfPresent([String].self, forKey: .sources) ?? []
        notes = try c.decodeIfPresent([String].self, forKey: .notes) ?? []
        decidedDates = try c.decodeIfPresent([String: [CalendarDay]].self, forKey: .decidedDates) ?? [:]
        daysOff = try c.decodeIfPresent([ScheduledDay].self, forKey: .daysOff) ?? []
        workingDays = try c.decodeIfPresent([ScheduledDay].self, forKey: .workingDays) ?? []
    }

    /// One day given a special status by the year's decision, with the reason to show.
    public struct ScheduledDay: Sendable, Hashable, Codable {
        public let date: CalendarDay
        public let reason: LocalizedName

        public init(date: CalendarDay, reason: LocalizedName) {
            self.date = date
            self.reason = reason
        }

        public init(_ date: CalendarDay, vi: String, en: String) {
            self.init(date: date, reason: LocalizedName(vi: vi, en: en))
        }

        private enum CodingKeys: String, CodingKey { case date, vi, en }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            date = try c.decode(CalendarDay.self, forKey: .date)
            reason = LocalizedName(
                vi: try c.decode(String.self, forKey: .vi),
                en: try c.decode(String.self, forKey: .en))
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(date, forKey: .date)
            try c.encode(reason.vi, forKey: .vi)
            try c.encode(reason.en, forKey: .en)
        }
    }
}
