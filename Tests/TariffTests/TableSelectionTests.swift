import Tariff
import XCTest

/// The table that prices a month is the last one in force on the estimate's day.
/// 100 kWh for one household = 50 kWh in tier 1 + 50 kWh in tier 2.
final class TableSelectionTests: XCTestCase {
    private func estimate(on text: String) throws -> BillEstimate {
        try TariffSchedule.published.estimate(kWh: 100, on: day(text), occupancy: oneHousehold)
    }

    func testTheDayBeforeMay2025IsPricedByTheOctober2024Table() throws {
        let bill = try estimate(on: "2025-05-09")
        // 50 × 1,893 + 50 × 1,956 = 94,650 + 97,800 = 192,450
        XCTAssertEqual(bill.tableEffectiveFrom, day("2024-10-11"))
        XCTAssertEqual(bill.amountBeforeVAT, 192_450)
    }

    func testTheMay2025TableAppliesFromItsFirstDay() throws {
        let bill = try estimate(on: "2025-05-10")
        // 50 × 1,984 + 50 × 2,050 = 99,200 + 102,500 = 201,700
        XCTAssertEqual(bill.tableEffectiveFrom, day("2025-05-10"))
        XCTAssertEqual(bill.amountBeforeVAT, 201_700)
    }

    func testTheDayBeforeOctober2024IsPricedByTheNovember2023Table() throws {
        let bill = try estimate(on: "2024-10-10")
        // 50 × 1,806 + 50 × 1,866 = 90,300 + 93,300 = 183,600
        XCTAssertEqual(bill.tableEffectiveFrom, day("2023-11-09"))
        XCTAssertEqual(bill.amountBeforeVAT, 183_600)
    }

    func testTheOctober2024TableAppliesFromItsFirstDay() throws {
        let bill = try estimate(on: "2024-10-11")
        XCTAssertEqual(bill.tableEffectiveFrom, day("2024-10-11"))
        XCTAssertEqual(bill.amountBeforeVAT, 192_450)
    }

    func testTheLatestTableGoesOnApplyingWithoutAnEnd() throws {
        XCTAssertEqual(try estimate(on: "2030-01-01").tableEffectiveFrom, day("2025-05-10"))
    }

    func testTheScheduleAnswersTheTableInForceOnADay() throws {
        let table = try TariffSchedule.published.table(on: day("2024-12-31"))
        XCTAssertEqual(table.effectiveFrom, day("2024-10-11"))
        XCTAssertEqual(table.tiers.map(\.price), [1893, 1956, 2271, 2860, 3197, 3302])
    }
}
