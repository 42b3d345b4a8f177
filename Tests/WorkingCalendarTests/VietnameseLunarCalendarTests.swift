import Testing
import WorkingCalendar

@Suite("Vietnamese lunar calendar")
struct VietnameseLunarCalendarTests {
    let lunar = VietnameseLunarCalendar.vietnam

    /// Tết (1/1 lunar) as celebrated in Vietnam. Note 2007 and 2030, where China's new
    /// year is one day later (18 Feb 2007, 3 Feb 2030).
    static let tetDates: [(lunarYear: Int, gregorian: String)] = [
        (1985, "1985-01-21"), (2000, "2000-02-05"), (2001, "2001-01-24"), (2002, "2002-02-12"),
        (2003, "2003-02-01"), (2004, "2004-01-22"), (2005, "2005-02-09"), (2006, "2006-01-29"),
        (2007, "2007-02-17"), (2008, "2008-02-07"), (2009, "2009-01-26"), (2010, "2010-02-14"),
        (2011, "2011-02-03"), (2012, "2012-01-23"), (2013, "2013-02-10"), (2014, "2014-01-31"),
        (2015, "2015-02-19"), (2016, "2016-02-08"), (2017, "2017-01-28"), (2018, "2018-02-16"),
        (2019, "2019-02-05"), (2020, "2020-01-25"), (2021, "2021-02-12"), (2022, "2022-02-01"),
        (2023, "2023-01-22"), (2024, "2024-02-10"), (2025, "2025-01-29"), (2026, "2026-02-17"),
        (2027, "2027-02-06"), (2028, "2028-01-26"), (2029, "2029-02-13"), (2030, "2030-02-02"),
    ]

    @Test(arguments: tetDates)
    func findsTet(lunarYear: Int, gregorian: String) {
        #expect(lunar.newYearsDay(ofLunarYear: lunarYear) == day(gregorian))
        #expect(lunar.lunarDate(for: day(gregorian)) == LunarDate(day: 1, month: 1, year: lunarYear))
    }

    /// Hùng Kings' Day (10/3 lunar), as announced in the holiday notices of those years.
    @Test(arguments: [
        (2016, "2016-04-16"), (2019, "2019-04-14"), (2020, "2020-04-02"), (2021, "2021-04-21"),
        (2022, "2022-04-10"), (2023, "2023-04-29"), (2024, "2024-04-18"), (2025, "2025-04-07"),
        (2026, "2026-04-26"),
    ])
    func findsHungKingsDay(lunarYear: Int, gregorian: String) {
        #expect(lunar.calendarDay(for: LunarDate(day: 10, month: 3, year: lunarYear)) == day(gregorian))
    }

    @Test func usesUtcPlus7SoTet1985And2007And2030DifferFromChina() {
        let china = VietnameseLunarCalendar(utcOffsetHours: 8)
        #expect(china.newYearsDay(ofLunarYear: 1985) == day("1985-02-20"))
        #expect(lunar.newYearsDay(ofLunarYear: 1985) == day("1985-01-21"))
        #expect(china.newYearsDay(ofLunarYear: 2007) == day("2007-02-18"))
        #expect(lunar.newYearsDay(ofLunarYear: 2007) == day("2007-02-17"))
        #expect(china.newYearsDay(ofLunarYear: 2030) == day("2030-02-03"))
        #expect(lunar.newYearsDay(ofLunarYear: 2030) == day("2030-02-02"))
        #expect(china.newYearsDay(ofLunarYear: 2053) == day("2053-02-19"))
        #expect(lunar.newYearsDay(ofLunarYear: 2053) == day("2053-02-18"))
    }

    /// The notices give the lunar dates of their first and last days off.
    @Test(arguments: [
        ("2025-01-25", LunarDate(day: 26, month: 12, year: 2024)),
        ("2025-01-27", LunarDate(day: 28, month: 12, year: 2024)),
        ("2025-02-02", LunarDate(day: 5, month: 1, year: 2025)),
        ("2026-02-14", LunarDate(day: 27, month: 12, year: 2025)),
        ("2026-02-16", LunarDate(day: 29, month: 12, year: 2025)),
        ("2026-02-20", LunarDate(day: 4, month: 1, year: 2026)),
        ("2026-02-22", LunarDate(day: 6, month: 1, year: 2026)),
        ("2024-02-14", LunarDate(day: 5, month: 1, year: 2024)),
    ])
    func convertsGregorianDaysToTheLunarDatesPrintedOnNotices(_ gregorian: String, _ expected: LunarDate) {
        #expect(lunar.lunarDate(for: day(gregorian)) == expected)
    }

    @Test func findsTheLastDayOfTheLunarYear() {
        #expect(lunar.lastDay(ofLunarYear: 2024) == day("2025-01-28"))
        #expect(lunar.lastDay(ofLunarYear: 2025) == day("2026-02-16"))
    }

    @Test(arguments: [(2020, 4), (2023, 2), (2025, 6)])
    func findsTheLeapMonth(lunarYear: Int, month: Int) {
        #expect(lunar.leapMonth(inLunarYear: lunarYear) == month)
    }

    @Test(arguments: [2021, 2022, 2024, 2026])
    func findsNoLeapMonthInATwelveMonthYear(lunarYear: Int) {
        #expect(lunar.leapMonth(inLunarYear: lunarYear) == nil)
    }

    @Test func marksDaysOfTheLeapMonth() {
        // Ất Tỵ (2025) repeats month 6: the leap month starts on 2025-07-25.
        let first = lunar.calendarDay(for: LunarDate(day: 1, month: 6, year: 2025, isLeapMonth: true))
        #expect(first == day("2025-07-25"))
        #expect(first.map { lunar.lunarDate(for: $0) } == LunarDate(day: 1, month: 6, year: 2025, isLeapMonth: true))
        #expect(first.map { lunar.lunarDate(for: $0.previous).isLeapMonth } == false)
    }

    @Test func rejectsALeapMonthTheYearDoesNotHave() {
        #expect(lunar.calendarDay(for: LunarDate(day: 1, month: 3, year: 2025, isLeapMonth: true)) == nil)
    }

    @Test func rejectsTheThirtiethOfA29DayMonth() {
        // Month 12 of Giáp Thìn (2024) has 29 days: Tết Ất Tỵ follows 29/12.
        #expect(lunar.calendarDay(for: LunarDate(day: 30, month: 12, year: 2024)) == nil)
    }

    @Test func roundTripsEveryDayFrom1950To2050() {
        let start = day("1950-01-01")
        let failures = (0...start.days(to: day("2050-12-31"))).compactMap { offset -> CalendarDay? in
            let gregorian = start.adding(days: offset)
            return lunar.calendarDay(for: lunar.lunarDate(for: gregorian)) == gregorian ? nil : gregorian
        }
        #expect(failures.isEmpty)
    }
}
