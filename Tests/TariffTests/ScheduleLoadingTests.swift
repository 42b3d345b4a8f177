import Foundation
import Tariff
import XCTest

/// Reading a schedule from the tariff document operators replace.
final class ScheduleLoadingTests: XCTestCase {
    func testADocumentGivesItsTablesAndVATRates() throws {
        let schedule = try TariffSchedule(json: document(
            tables: #"[{"effectiveFrom": "2025-05-10", "undeclaredOccupantsTier": 3, "tiers": \#(tiers2025)}]"#,
            vat: #"[{"effectiveFrom": "2025-01-01", "percent": 8}]"#))
        XCTAssertEqual(schedule.tables, [TariffSchedule.published.tables[2]])
        XCTAssertEqual(schedule.vatRates, [VATRate(effectiveFrom: day("2025-01-01"), percent: 8)])
    }

    func testWithoutAVATListTheStandardRateApplies() throws {
        let schedule = try TariffSchedule(json: document(tables: #"[{"effectiveFrom": "2025-05-10", "tiers": \#(tiers2025)}]"#))
        XCTAssertEqual(schedule.vatRates, [VATRate.standard])
    }

    func testWithoutAnUndeclaredOccupantsTierItIsTier3() throws {
        let schedule = try TariffSchedule(json: document(tables: #"[{"effectiveFrom": "2025-05-10", "tiers": \#(tiers2025)}]"#))
        XCTAssertEqual(schedule.tables[0].undeclaredOccupantsTier, 3)
    }

    func testTheDocumentReplacesTheBuiltInTablesAsAWhole() throws {
        let schedule = try TariffSchedule(json: document(tables: #"[{"effectiveFrom": "2025-05-10", "tiers": \#(tiers2025)}]"#))
        XCTAssertThrows(
            TariffInputError.dayBeforeFirstTable(day: day("2025-05-09"), firstTable: day("2025-05-10")),
            try schedule.estimate(kWh: 100, on: day("2025-05-09"), occupancy: oneHousehold))
    }

    func testAFiveTierTableFromDataIsPricedOnItsOwnBounds() throws {
        // Decision 14/2025/QĐ-TTg's structure 0–100 / 101–200 / 201–400 / 401–700 / 701+;
        // the prices are invented for the test, none are published.
        let schedule = try TariffSchedule(json: document(tables: """
            [{"effectiveFrom": "2026-01-01", "tiers": [
               {"upToKWh": 100, "price": 2000}, {"upToKWh": 200, "price": 2100}, {"upToKWh": 400, "price": 2400},
               {"upToKWh": 700, "price": 3000}, {"price": 3500}]}]
            """))
        let bill = try schedule.estimate(kWh: 800, on: day("2026-02-01"), occupancy: oneHousehold)
        // 100 × 2,000 = 200,000; 100 × 2,100 = 210,000; 200 × 2,400 = 480,000;
        // 300 × 3,000 = 900,000; 100 × 3,500 = 350,000; sum 2,140,000.
        XCTAssertEqual(bill.lines, [
            TierLine(tier: 1, kWh: kWh(100), price: 2000, amount: 200_000),
            TierLine(tier: 2, kWh: kWh(100), price: 2100, amount: 210_000),
            TierLine(tier: 3, kWh: kWh(200), price: 2400, amount: 480_000),
            TierLine(tier: 4, kWh: kWh(300), price: 3000, amount: 900_000),
            TierLine(tier: 5, kWh: kWh(100), price: 3500, amount: 350_000),
        ])
        XCTAssertEqual(bill.amountBeforeVAT, 2_140_000)
    }

    func testAFiveTierTableIsSharedLikeASixTierOne() throws {
        let schedule = try TariffSchedule(json: document(tables: """
            [{"effectiveFrom": "2026-01-01", "tiers": [
               {"upToKWh": 100, "price": 2000}, {"upToKWh": 200, "price": 2100}, {"upToKWh": 400, "price": 2400},
               {"upToKWh": 700, "price": 3000}, {"price": 3500}]}]
            """))
        let bill = try schedule.estimate(kWh: 1_000, on: day("2026-02-01"), occupancy: .declared(quarters: 8))
        // Bounds 200 / 400 / 800 / 1,400: 200 × 2,000 = 400,000; 200 × 2,100 = 420,000;
        // 400 × 2,400 = 960,000; 200 × 3,000 = 600,000; sum 2,380,000.
        XCTAssertEqual(bill.lines.map(\.kWh), [kWh(200), kWh(200), kWh(400), kWh(200)])
        XCTAssertEqual(bill.amountBeforeVAT, 2_380_000)
    }

    func testADecimalPriceIsReadExactly() throws {
        let schedule = try TariffSchedule(json: document(
            tables: #"[{"effectiveFrom": "2026-01-01", "undeclaredOccupantsTier": 1, "tiers": [{"price": 1984.55}]}]"#))
        // 20 × 1,984.55 = 39,691
        XCTAssertEqual(try schedule.estimate(kWh: 20, on: day("2026-01-01"), occupancy: oneHousehold).amountBeforeVAT, 39_691)
    }

    func testAFileIsLoadedFromDisk() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tariff-\(UUID().uuidString).json")
        try document(tables: #"[{"effectiveFrom": "2025-05-10", "tiers": \#(tiers2025)}]"#).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        XCTAssertEqual(try TariffSchedule.load(file: url).tables.map(\.effectiveFrom), [day("2025-05-10")])
    }
}
