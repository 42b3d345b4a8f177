import Foundation
import Tariff
import Testing

/// The days the tariff is dated by, written `YYYY-MM-DD`.
@Suite struct TariffDayTests {
    @Test func parsesTheISOForm() {
        #expect(TariffDay("2025-05-10") == TariffDay(year: 2025, month: 5, day: 10))
    }

    @Test func writesTheISOForm() {
        #expect(TariffDay(year: 2025, month: 5, day: 9)?.description == "2025-05-09")
    }

    @Test func refusesADayThatDoesNotExist() {
        #expect(TariffDay("2025-02-29") == nil)
        #expect(TariffDay(year: 2025, month: 4, day: 31) == nil)
    }

    @Test func acceptsTheLeapDayOfALeapYear() {
        #expect(TariffDay("2024-02-29") != nil)
    }

    @Test(arguments: ["2025-5-10", "10/05/2025", "2025-05-10T00:00:00+07:00", "", "２０２５-05-10"])
    func refusesOtherForms(text: String) {
        #expect(TariffDay(text) == nil)
    }

    @Test func daysCompareInCalendarOrder() {
        #expect(day("2024-12-31") < day("2025-01-01"))
        #expect(day("2025-05-09") < day("2025-05-10"))
    }

    @Test func decodesFromAndEncodesToJSONText() throws {
        #expect(try JSONDecoder().decode([TariffDay].self, from: Data(#"["2025-05-10"]"#.utf8)) == [day("2025-05-10")])
        #expect(String(decoding: try JSONEncoder().encode([day("2025-05-10")]), as: UTF8.self) == #"["2025-05-10"]"#)
    }

    @Test func aPeriodAcrossAYearEndAndALeapDayCountsEveryDay() throws {
        // 28 Dec 2023 – 31 Dec 2023 (4) + January (31) + 1 – 29 Feb 2024 (29) = 64 days.
        let period = try TariffSchedule.published.estimate(
            kWh: 64, from: day("2023-12-28"), through: day("2024-02-29"), occupancy: oneHousehold)
        #expect(period.days == 64)
    }
}
