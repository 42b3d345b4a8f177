import Foundation
import Tariff
import XCTest

/// The days the tariff is dated by, written `YYYY-MM-DD`.
final class TariffDayTests: XCTestCase {
    func testParsesTheISOForm() {
        XCTAssertEqual(TariffDay("2025-05-10"), TariffDay(year: 2025, month: 5, day: 10))
    }

    func testWritesTheISOForm() {
        XCTAssertEqual(TariffDay(year: 2025, month: 5, day: 9)?.description, "2025-05-09")
    }

    func testRefusesADayThatDoesNotExist() {
        XCTAssertNil(TariffDay("2025-02-29"))
        XCTAssertNil(TariffDay(year: 2025, month: 4, day: 31))
    }

    func testAcceptsTheLeapDayOfALeapYear() {
        XCTAssertNotNil(TariffDay("2024-02-29"))
    }

    func testRefusesOtherForms() {
        for text in ["2025-5-10", "10/05/2025", "2025-05-10T00:00:00+07:00", "", "２０２５-05-10"] {
            XCTAssertNil(TariffDay(text), text)
        }
    }

    func testDaysCompareInCalendarOrder() {
        XCTAssertLessThan(day("2024-12-31"), day("2025-01-01"))
        XCTAssertLessThan(day("2025-05-09"), day("2025-05-10"))
    }

    func testDecodesFromAndEncodesToJSONText() throws {
        XCTAssertEqual(try JSONDecoder().decode([TariffDay].self, from: Data(#"["2025-05-10"]"#.utf8)), [day("2025-05-10")])
        XCTAssertEqual(String(decoding: try JSONEncoder().encode([day("2025-05-10")]), as: UTF8.self), #"["2025-05-10"]"#)
    }

    func testAPeriodAcrossAYearEndAndALeapDayCountsEveryDay() throws {
        // 28 Dec 2023 – 31 Dec 2023 (4) + January (31) + 1 – 29 Feb 2024 (29) = 64 days.
        let period = try TariffSchedule.published.estimate(
            kWh: 64, from: day("2023-12-28"), through: day("2024-02-29"), occupancy: oneHousehold)
        XCTAssertEqual(period.days, 64)
    }
}
