import Testing
import WorkingCalendar

/// The built-in schedules against the calendars the government published for civil
/// servants (sources in `YearSchedule+Published.swift`).
@Suite("Published schedules 2024–2026")
struct PublishedScheduleTests {
    let calendar = WorkingCalendar.standard

    func expectDaysOff(_ first: String, through last: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for date in days(first, through: last) {
            #expect(!calendar.isWorkingDay(date), "\(date) should be a day off", sourceLocation: sourceLocation)
        }
    }

    func expectWorking(_ dates: String..., sourceLocation: SourceLocation = #_sourceLocation) {
        for date in dates {
            #expect(calendar.isWorkingDay(day(date)), "\(date) should be a working day", sourceLocation: sourceLocation)
        }
    }

    // MARK: 2024

    @Test func tet2024IsOff8To14February() {
        expectDaysOff("2024-02-08", through: "2024-02-14")
        expectWorking("2024-02-07", "2024-02-15")
    }

    @Test func hungKings2024IsThursday18April() {
        expectDaysOff("2024-04-18", through: "2024-04-18")
        expectWorking("2024-04-17", "2024-04-19")
    }

    @Test func reunificationAndLabourDay2024AreOff27AprilTo1MayWithSaturday4MayWorked() {
        expectDaysOff("2024-04-27", through: "2024-05-01")
        expectWorking("2024-04-26", "2024-05-02", "2024-05-03", "2024-05-04")
        #expect(calendar.status(of: day("2024-05-04")).isWorkingDay)
        #expect(calendar.makeUpWorkingDays(in: 2024).map(\.day) == [day("2024-05-04")])
    }

    @Test func nationalDay2024IsOff31AugustTo3September() {
        expectDaysOff("2024-08-31", through: "2024-09-03")
        expectWorking("2024-08-30", "2024-09-04")
    }

    // MARK: 2025

    @Test func newYear2025IsOneDay() {
        expectDaysOff("2025-01-01", through: "2025-01-01")
        expectWorking("2024-12-31", "2025-01-02")
    }

    @Test func tet2025IsOffNineDays25JanuaryTo2February() {
        expectDaysOff("2025-01-25", through: "2025-02-02")
        expectWorking("2025-01-24", "2025-02-03")
    }

    @Test func hungKings2025IsMonday7April() {
        expectDaysOff("2025-04-05", through: "2025-04-07")
        expectWorking("2025-04-04", "2025-04-08")
    }

    @Test func reunificationAndLabourDay2025AreOff30AprilTo4MayWithSaturday26AprilWorked() {
        expectDaysOff("2025-04-30", through: "2025-05-04")
        expectWorking("2025-04-26", "2025-04-28", "2025-04-29", "2025-05-05")
    }

    @Test func nationalDay2025IsOff30AugustTo2September() {
        expectDaysOff("2025-08-30", through: "2025-09-02")
        expectWorking("2025-08-29", "2025-09-03")
    }

    @Test func breaks2025AddUpToThe22DaysAnnounced() {
        // "22 days off for public holidays and Tết, 11 official and 11 additional":
        // the runs of consecutive days off that contain a holiday, weekends included.
        let year = days("2025-01-01", through: "2025-12-31")
        var total = 0
        var run = 0
        var runHasHoliday = false
        for date in year + [day("2026-01-05")] {
            if let reason = calendar.reason(for: date) {
                run += 1
                if case .weekend = reason {} else { runHasHoliday = true }
            } else {
                if runHasHoliday { total += run }
                run = 0
                runHasHoliday = false
            }
        }
        #expect(total == 22)
    }

    // MARK: 2026

    @Test func newYear2026IsOff1To4JanuaryWithSaturday10JanuaryWorked() {
        expectDaysOff("2026-01-01", through: "2026-01-04")
        expectWorking("2025-12-31", "2026-01-05", "2026-01-10")
    }

    @Test func tet2026IsOffNineDays14To22February() {
        expectDaysOff("2026-02-14", through: "2026-02-22")
        expectWorking("2026-02-13", "2026-02-23")
    }

    @Test func hungKings2026OnSundayIsCompensatedOnMonday27April() {
        expectDaysOff("2026-04-25", through: "2026-04-27")
        expectWorking("2026-04-24", "2026-04-28")
    }

    @Test func reunificationAndLabourDay2026AreOff30AprilTo3May() {
        expectDaysOff("2026-04-30", through: "2026-05-03")
        expectWorking("2026-04-29", "2026-05-04")
    }

    @Test func nationalDay2026IsOff29AugustTo2SeptemberWithSaturday22AugustWorked() {
        expectDaysOff("2026-08-29", through: "2026-09-02")
        expectWorking("2026-08-22", "2026-08-28", "2026-09-03")
    }

    // MARK: Reasons shown to people

    @Test func aTetDayIsExplainedAsLunarNewYear() {
        let reason = calendar.reason(for: day("2026-02-17"))
        #expect(reason?.vietnamese == "Tết Âm lịch")
        #expect(reason?.english == "Lunar New Year (Tết)")
    }

    @Test func aWeekendIsExplainedAsAWeeklyRestDay() {
        let reason = calendar.reason(for: day("2025-03-08"))
        #expect(reason?.vietnamese == "Nghỉ hằng tuần (Thứ Bảy)")
        #expect(reason?.english == "Weekly rest day (Saturday)")
    }

    @Test func aSwappedDayIsExplainedWithItsMakeUpDay() {
        let reason = calendar.reason(for: day("2025-05-02"))
        #expect(reason?.vietnamese == "Nghỉ hoán đổi dịp 30/4–1/5 (làm bù Thứ Bảy 26/4/2025)")
        #expect(reason?.english == "Swapped day off for 30 Apr–1 May (worked on Saturday 26 Apr 2025)")
    }

    @Test func aCompensatoryDayNamesTheHolidayItReplaces() {
        let reason = calendar.reason(for: day("2026-04-27"))
        #expect(reason?.vietnamese == "Nghỉ bù Giỗ Tổ Hùng Vương (26/4/2026)")
        #expect(reason?.english == "Compensatory day off for Hùng Kings' Commemoration Day (2026-04-26)")
    }

    @Test func aWorkingDayHasNoReason() {
        #expect(calendar.reason(for: day("2025-03-05")) == nil)
    }

    @Test func aMakeUpSaturdayIsShownAsSuch() {
        guard case .makeUpWorkingDay(let reason) = calendar.status(of: day("2026-01-10")) else {
            Issue.record("10 Jan 2026 should be a make-up working day")
            return
        }
        #expect(reason.en == "Make-up working day for the swapped day off on 2 Jan 2026")
    }

    @Test func listsTheDaysOffOfAYearWithoutOrdinaryWeekends() {
        let daysOff2025 = calendar.daysOff(in: 2025).map(\.day)
        #expect(daysOff2025 == [
            day("2025-01-01"),
            day("2025-01-27"), day("2025-01-28"), day("2025-01-29"), day("2025-01-30"), day("2025-01-31"),
            day("2025-04-07"), day("2025-04-30"), day("2025-05-01"), day("2025-05-02"),
            day("2025-09-01"), day("2025-09-02"),
        ])
    }
}
