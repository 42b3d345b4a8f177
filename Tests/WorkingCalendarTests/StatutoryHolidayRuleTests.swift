import Testing
import WorkingCalendar

/// The Labour Code rules on their own, with no government decision for the year: what
/// the calendar does for a year whose schedule is not yet published.
@Suite("Statutory holiday rules")
struct StatutoryHolidayRuleTests {
    let rulesOnly = WorkingCalendar(schedules: [])

    @Test func mondayToFridayAreWorkingDays() {
        for weekday in days("2027-03-08", through: "2027-03-12") {
            #expect(rulesOnly.isWorkingDay(weekday))
        }
    }

    @Test func saturdayAndSundayAreWeeklyRestDays() {
        #expect(rulesOnly.reason(for: day("2027-03-13")) == .weekend(.saturday))
        #expect(rulesOnly.reason(for: day("2027-03-14")) == .weekend(.sunday))
    }

    @Test(arguments: ["2027-01-01", "2027-04-30", "2027-09-02"])
    func fixedDateHolidaysAreDaysOff(_ date: String) {
        #expect(!rulesOnly.isWorkingDay(day(date)))
    }

    @Test func hungKingsDayFollowsTheLunarCalendar() {
        #expect(rulesOnly.reason(for: day("2025-04-07"))
            == .publicHoliday(LocalizedName(vi: "Giỗ Tổ Hùng Vương", en: "Hùng Kings' Commemoration Day")))
    }

    @Test func tetDefaultsToTheLastDayOfTheYearAndTheFirstFourDays() {
        // Tết Đinh Mùi is Saturday 6 Feb 2027: holidays Fri 5 – Tue 9 Feb, and the
        // Saturday and Sunday are compensated on Wed 10 and Thu 11.
        for date in days("2027-02-05", through: "2027-02-11") {
            #expect(!rulesOnly.isWorkingDay(date), "\(date)")
        }
        #expect(rulesOnly.isWorkingDay(day("2027-02-04")))
        #expect(rulesOnly.isWorkingDay(day("2027-02-12")))
    }

    @Test func aHolidayOnASundayGivesACompensatoryDayOnTheNextWorkingDay() {
        // Hùng Kings' Day 2026 is Sunday 26 April.
        let hungKings = LocalizedName(vi: "Giỗ Tổ Hùng Vương", en: "Hùng Kings' Commemoration Day")
        #expect(rulesOnly.reason(for: day("2026-04-27"))
            == .compensatoryDayOff(holiday: hungKings, holidayDate: day("2026-04-26")))
        #expect(rulesOnly.isWorkingDay(day("2026-04-28")))
    }

    @Test func compensatoryDaysSkipOtherDaysOff() {
        // 2023: Hùng Kings' Day Saturday 29 Apr, 30 Apr Sunday, 1 May Monday:
        // the two weekend holidays are compensated on Tuesday 2 and Wednesday 3 May.
        for date in days("2023-04-29", through: "2023-05-03") {
            #expect(!rulesOnly.isWorkingDay(date), "\(date)")
        }
        #expect(rulesOnly.isWorkingDay(day("2023-05-04")))
    }

    @Test func nationalDayAdjacentDayDefaultsToTheDayBefore() {
        // 2 Sep 2027 is a Thursday.
        #expect(!rulesOnly.isWorkingDay(day("2027-09-01")))
        #expect(rulesOnly.isWorkingDay(day("2027-09-03")))
    }

    @Test func nationalDayAdjacentDayDefaultsToTheDayAfterWhenTheDayBeforeIsAWeekend() {
        // 2 Sep 2029 is a Sunday: the adjacent day is Monday 3 Sep, and the Sunday is
        // compensated on Tuesday 4 Sep.
        #expect(!rulesOnly.isWorkingDay(day("2029-09-03")))
        #expect(!rulesOnly.isWorkingDay(day("2029-09-04")))
        #expect(rulesOnly.isWorkingDay(day("2029-09-05")))
    }

    @Test func nationalDayWasOneDayBeforeTheLabourCode2019() {
        #expect(!rulesOnly.isWorkingDay(day("2020-09-02")))
        #expect(rulesOnly.isWorkingDay(day("2020-09-01")))
        #expect(rulesOnly.isWorkingDay(day("2020-09-03")))
    }

    @Test func aRuleAppliesOnlyWithinItsValidity() {
        let example = HolidayRule(
            id: "example-holiday", name: LocalizedName(vi: "Ngày lễ ví dụ", en: "Example holiday"),
            date: .gregorian(month: 11, day: 24),
            validFrom: day("2027-01-01"), validUntil: day("2027-12-31"), legalBasis: "example")
        let calendar = WorkingCalendar(rules: HolidayRule.labourCode2019 + [example], schedules: [])
        #expect(calendar.isWorkingDay(day("2026-11-24")))   // Tuesday, before validity
        #expect(!calendar.isWorkingDay(day("2027-11-24")))  // Wednesday, in force
        #expect(calendar.isWorkingDay(day("2028-11-24")))   // Friday, after validity
    }

    @Test func aYearWithoutAPublishedScheduleIsReportedAsSuch() {
        #expect(!WorkingCalendar.standard.hasPublishedSchedule(for: 2027))
        #expect(WorkingCalendar.standard.hasPublishedSchedule(for: 2026))
    }
}
