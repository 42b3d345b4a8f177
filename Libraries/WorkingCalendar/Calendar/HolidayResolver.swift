/// Turns the rules and the year schedules into the status of each day of a year.
///
/// This is where the law's order of precedence lives, in one place:
/// 1. a make-up working day from the year's schedule is a working day, whatever else;
/// 2. a statutory holiday (decided dates where the year has them, else the rule's
///    default dates) is a day off;
/// 3. a holiday on a Saturday or Sunday gives a compensatory day off on the next day that
///    is neither a weekend nor already off (Labour Code art. 111.3);
/// 4. the schedule's extra days off are days off;
/// 5. Saturdays and Sundays are rest days; every other day is a working day.
struct HolidayResolver: Sendable {
    let rules: [HolidayRule]
    let schedules: [Int: YearSchedule]
    let lunarCalendar: VietnameseLunarCalendar
    /// Extra days off of all schedules, by date (a schedule may name a day in another year).
    private let governmentDaysOff: [CalendarDay: LocalizedName]
    /// Make-up working days of all schedules, by date.
    private let makeUpDays: [CalendarDay: LocalizedName]

    init(rules: [HolidayRule], schedules: [Int: YearSchedule], lunarCalendar: VietnameseLunarCalendar) {
        self.rules = rules
        self.schedules = schedules
        self.lunarCalendar = lunarCalendar
        var off: [CalendarDay: LocalizedName] = [:]
        var work: [CalendarDay: LocalizedName] = [:]
        for schedule in schedules.values.sorted(by: { $0.year < $1.year }) {
            for entry in schedule.daysOff { off[entry.date] = entry.reason }
            for entry in schedule.workingDays { work[entry.date] = entry.reason }
        }
        self.governmentDaysOff = off
        self.makeUpDays = work
    }

    /// A statutory holiday on a given date.
    struct Occurrence: Sendable, Hashable {
        let date: CalendarDay
        let name: LocalizedName
    }

    /// The statutory holidays whose rule-year is `ruleYear` (they may spill into the next
    /// Gregorian year only for lunar dates late in the lunar year).
    func occurrences(forRuleYear ruleYear: Int) -> [Occurrence] {
        let decided = schedules[ruleYear]?.decidedDates ?? [:]
        var result: [Occurrence] = []
        for rule in rules {
            let dates: [CalendarDay]
            if let chosen = decided[rule.id] {
                dates = chosen
            } else {
                dates = defaultDates(of: rule, ruleYear: ruleYear).filter(rule.applies(on:))
            }
            result += dates.map { Occurrence(date: $0, name: rule.name) }
        }
        return result
    }

    /// The rule's dates when the government has not (yet) decided anything for the year.
    func defaultDates(of rule: HolidayRule, ruleYear: Int) -> [CalendarDay] {
        switch rule.date {
        case .gregorian(let month, let day):
            guard let date = CalendarDay(validatingYear: ruleYear, month: month, day: day) else { return [] }
            return [date]
        case .lunar(let month, let day):
            guard let date = lunarCalendar.calendarDay(for: LunarDate(day: day, month: month, year: ruleYear))
            else { return [] }
            return [date]
        case .lunarNewYear(let daysBefore, let daysAfter):
            let tet = lunarCalendar.newYearsDay(ofLunarYear: ruleYear)
            return (-daysBefore..<daysAfter).map { tet.adding(days: $0) }
        case .adjacentTo(let month, let day):
            guard let base = CalendarDay(validatingYear: ruleYear, month: month, day: day) else { return [] }
            return base.previous.isWeekend ? [base.next] : [base.previous]
        }
    }

    /// Computes the table of Gregorian year `year`.
    func table(for year: Int) -> YearTable {
        // Holidays of the previous year are included so that a compensatory day carried
        // across 1 January lands in this year's table.
        var holidays: [CalendarDay: LocalizedName] = [:]
        for ruleYear in [year - 1, year] {
            for occurrence in occurrences(forRuleYear: ruleYear) where holidays[occurrence.date] == nil {
                holidays[occurrence.date] = occurrence.name
            }
        }

        var compensations: [CalendarDay: NonWorkingReason] = [:]
        for (date, name) in holidays.sorted(by: { $0.key < $1.key }) where date.isWeekend {
            var candidate = date.next
            while candidate.isWeekend || holidays[candidate] != nil
                || governmentDaysOff[candidate] != nil || compensations[candidate] != nil {
                candidate = candidate.next
            }
            compensations[candidate] = .compensatoryDayOff(holiday: name, holidayDate: date)
        }

        let first = CalendarDay(year: year, month: 1, day: 1)
        let count = CalendarDay.isLeapYear(year) ? 366 : 365
        var statuses: [DayStatus] = []
        statuses.reserveCapacity(count)
        for offset in 0..<count {
            let day = first.adding(days: offset)
            if let reason = makeUpDays[day] {
                statuses.append(.makeUpWorkingDay(reason))
            } else if let name = holidays[day] {
                statuses.append(.nonWorking(.publicHoliday(name)))
            } else if let reason = compensations[day] {
                statuses.append(.nonWorking(reason))
            } else if let reason = governmentDaysOff[day] {
                statuses.append(.nonWorking(.governmentDayOff(reason)))
            } else if day.isWeekend {
                statuses.append(.nonWorking(.weekend(day.weekday)))
            } else {
                statuses.append(.working)
            }
        }
        return YearTable(year: year, statuses: statuses)
    }
}
