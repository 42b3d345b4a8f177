import Tariff
import XCTest

/// VAT on top of the amount before VAT, at the dated rate in force, rounded half up.
final class VATTests: XCTestCase {
    func testTheBuiltInRateIsTenPercentAndTheEstimateStatesIt() throws {
        let bill = try TariffSchedule.published.estimate(kWh: 100, on: day("2025-06-15"), occupancy: oneHousehold)
        // 201,700 × 10 % = 20,170; total 221,870
        XCTAssertEqual(bill.vatPercent, 10)
        XCTAssertEqual(bill.vatAmount, 20_170)
        XCTAssertEqual(bill.total, 221_870)
    }

    func testVATBelowHalfADongRoundsDown() throws {
        let bill = try TariffSchedule.published.estimate(kWh: 201, on: day("2025-06-15"), occupancy: oneHousehold)
        // 442,698 × 10 % = 44,269.8 → 44,270; total 486,968
        XCTAssertEqual(bill.vatAmount, 44_270)
        XCTAssertEqual(bill.total, 486_968)
    }

    func testVATOfExactlyHalfADongRoundsUp() throws {
        let bill = try TariffSchedule.published.estimate(kWh: 5, on: day("2025-01-15"), occupancy: oneHousehold)
        // 2024-10-11 table: 5 × 1,893 = 9,465; × 10 % = 946.5 → 947; total 10,412
        XCTAssertEqual(bill.amountBeforeVAT, 9_465)
        XCTAssertEqual(bill.vatAmount, 947)
        XCTAssertEqual(bill.total, 10_412)
    }

    func testALoadedReductionPeriodAppliesItsRate() throws {
        let schedule = try TariffSchedule(json: document(
            tables: #"[{"effectiveFrom": "2025-05-10", "tiers": \#(tiers2025)}]"#,
            vat: #"[{"effectiveFrom": "2025-05-10", "percent": 10}, {"effectiveFrom": "2025-07-01", "percent": 8}]"#))
        let bill = try schedule.estimate(kWh: 100, on: day("2025-07-01"), occupancy: oneHousehold)
        // 201,700 × 8 % = 16,136; total 217,836
        XCTAssertEqual(bill.vatPercent, 8)
        XCTAssertEqual(bill.vatAmount, 16_136)
        XCTAssertEqual(bill.total, 217_836)
    }

    func testTheRateBeforeAReductionStillApplies() throws {
        let schedule = try TariffSchedule(json: document(
            tables: #"[{"effectiveFrom": "2025-05-10", "tiers": \#(tiers2025)}]"#,
            vat: #"[{"effectiveFrom": "2025-05-10", "percent": 10}, {"effectiveFrom": "2025-07-01", "percent": 8}]"#))
        XCTAssertEqual(try schedule.estimate(kWh: 100, on: day("2025-06-30"), occupancy: oneHousehold).vatPercent, 10)
    }

    func testAFractionalRateIsExact() throws {
        let schedule = try TariffSchedule(json: document(
            tables: #"[{"effectiveFrom": "2025-05-10", "tiers": \#(tiers2025)}]"#,
            vat: #"[{"effectiveFrom": "2025-05-10", "percent": 7.5}]"#))
        let bill = try schedule.estimate(kWh: 100, on: day("2025-06-15"), occupancy: oneHousehold)
        // 201,700 × 7.5 % = 15,127.5 → 15,128
        XCTAssertEqual(bill.vatAmount, 15_128)
    }
}
