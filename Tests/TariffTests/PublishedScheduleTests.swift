import Tariff
import XCTest

/// The tables and VAT rate built into the library.
final class PublishedScheduleTests: XCTestCase {
    func testHasTheThreeTablesSinceNovember2023InDateOrder() {
        XCTAssertEqual(TariffSchedule.published.tables.map(\.effectiveFrom),
                       [day("2023-11-09"), day("2024-10-11"), day("2025-05-10")])
    }

    func testTheNovember2023Prices() {
        XCTAssertEqual(TariffSchedule.published.tables[0].tiers.map(\.price), [1806, 1866, 2167, 2729, 3050, 3151])
    }

    func testTheOctober2024Prices() {
        XCTAssertEqual(TariffSchedule.published.tables[1].tiers.map(\.price), [1893, 1956, 2271, 2860, 3197, 3302])
    }

    func testTheMay2025Prices() {
        XCTAssertEqual(TariffSchedule.published.tables[2].tiers.map(\.price), [1984, 2050, 2380, 2998, 3350, 3460])
    }

    func testEveryTableHasTheSixTierBoundsAndChargesTier3ToUndeclaredOccupants() {
        for table in TariffSchedule.published.tables {
            XCTAssertEqual(table.tiers.map(\.upToKWh), [50, 100, 200, 300, 400, nil])
            XCTAssertEqual(table.undeclaredOccupantsTier, 3)
        }
    }

    func testTheOnlyVATRateIsTheStandardTenPercent() {
        XCTAssertEqual(TariffSchedule.published.vatRates, [VATRate(effectiveFrom: day("2009-01-01"), percent: 10)])
    }

    func testWithoutATariffFileTheBuiltInScheduleIsUsed() throws {
        XCTAssertEqual(try TariffSchedule.load(file: nil), TariffSchedule.published)
    }
}
