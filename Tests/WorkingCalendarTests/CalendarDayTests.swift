import Foundation
import Testing
import WorkingCalendar

@Suite("CalendarDay")
struct CalendarDayTests {
    @Test func parsesAndPrintsTheIsoForm() {
        let value = CalendarDay("2025-01-29")
        #expect(value == CalendarDay(year: 2025, month: 1, day: 29))
        #expect(value?.description == "2025-01-29")
    }

    /// Every seventh day from year 1 to 9999 is written with its year, month and day zero-padded,
    /// and read back as the same day.
    @Test func writesAndReadsDaysOfTenMillennia() {
        let first = day("0001-01-01").julianDayNumber
        let last = day("9999-12-31").julianDayNumber
        var mismatches: [String] = []
        for number in stride(from: first, through: last, by: 7) {
            let value = CalendarDay(julianDayNumber: number)
            let text = value.description
            let expected = String(format: "%04d-%02d-%02d", value.year, value.month, value.day)
            if text != expected || CalendarDay(text) != value { mismatches.append(text) }
        }
        #expect(mismatches.isEmpty)
        #expect(day("0987-06-05").description == "0987-06-05")
    }

    @Test(arguments: ["2025-02-29", "2025-13-01", "2025-1-05", "25-01-05", "2025/01/05", "abcd-ef-gh", "",
                      "2025-01-050", "+025-01-05", "2025-01- 5", "2025-00-10", "2025-01-00", "٢٠٢٥-٠١-٠٥",
                      "2025-01-0\u{301}5", "2025\u{2011}01-05", " 2025-01-05", "2025-01-05\n"])
    func rejectsTextThatIsNotARealIsoDate(_ text: String) {
        #expect(CalendarDay(text) == nil)
    }

    @Test func acceptsTheTwentyNinthOfFebruaryInALeapYear() {
        #expect(CalendarDay("2024-02-29") != nil)
    }

    @Test func encodesAsAJsonString() throws {
        let data = try JSONEncoder().encode([day("2026-02-17")])
        #expect(String(decoding: data, as: UTF8.self) == #"["2026-02-17"]"#)
        #expect(try JSONDecoder().decode([CalendarDay].self, from: data) == [day("2026-02-17")])
    }

    @Test func refusesToDecodeAnInvalidDate() {
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([CalendarDay].self, from: Data(#"["2026-02-30"]"#.utf8))
        }
    }

    @Test func ordersChronologically() {
        #expect(day("2024-12-31") < day("2025-01-01"))
        #expect(day("2025-01-31") < day("2025-02-01"))
        #expect([day("2025-03-01"), day("2024-03-01"), day("2025-01-15")].sorted()
            == [day("2024-03-01"), day("2025-01-15"), day("2025-03-01")])
    }

    @Test func aRequestSubmittedAt2330UtcCountsAsTheNextDayInVietnam() throws {
        let submitted = try Date("2025-03-06T23:30:00Z", strategy: .iso8601)
        #expect(CalendarDay(submitted) == day("2025-03-07"))
        #expect(CalendarDay(submitted, in: TimeZone(identifier: "UTC")!) == day("2025-03-06"))
    }

    @Test func theVietnameseDayChangesAt1700Utc() throws {
        #expect(CalendarDay(try Date("2025-03-06T16:59:59Z", strategy: .iso8601)) == day("2025-03-06"))
        #expect(CalendarDay(try Date("2025-03-06T17:00:00Z", strategy: .iso8601)) == day("2025-03-07"))
    }

    @Test func startsAtMidnightVietnamTime() throws {
        #expect(day("2025-03-07").start() == (try Date("2025-03-06T17:00:00Z", strategy: .iso8601)))
    }

    @Test func knowsTheWeekday() {
        #expect(day("2025-01-29").weekday == .wednesday)
        #expect(day("2026-02-14").weekday == .saturday)
        #expect(day("2026-02-15").weekday == .sunday)
        #expect(day("2026-02-15").isWeekend)
        #expect(!day("2026-02-16").isWeekend)
    }

    @Test func addsDaysAcrossMonthAndYearEnds() {
        #expect(day("2024-02-28").adding(days: 1) == day("2024-02-29"))
        #expect(day("2025-12-31").next == day("2026-01-01"))
        #expect(day("2026-01-01").previous == day("2025-12-31"))
        #expect(day("2024-01-01").days(to: day("2025-01-01")) == 366)
    }

    @Test func julianDayNumberRoundTripsForEveryDayOfFourCenturies() {
        let first = day("1900-01-01").julianDayNumber
        let last = day("2299-12-31").julianDayNumber
        let mismatches = (first...last).filter { CalendarDay(julianDayNumber: $0).julianDayNumber != $0 }
        #expect(mismatches.isEmpty)
        #expect(day("1970-01-01").julianDayNumber == 2_440_588)
    }
}
