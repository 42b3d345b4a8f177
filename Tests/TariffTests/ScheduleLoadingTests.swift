import Foundation
import Tariff
import Testing

/// Reading a schedule from the tariff document operators replace.
@Suite struct ScheduleLoadingTests {
    @Test func aDocumentGivesItsTablesAndVATRates() throws {
        let schedule = try TariffSchedule(json: document(
            tables: #"[{"effectiveFrom": "2025-05-10", "undeclaredOccupantsTier": 3, "tiers": \#(tiers2025)}]"#,
            vat: #"[{"effectiveFrom": "2025-01-01", "percent": 8}]"#))
        #expect(schedule.tables == [TariffSchedule.published.tables[2]])
        #expect(schedule.vatRates == [VATRate(effectiveFrom: day("2025-01-01"), percent: 8)])
    }

    @Test func withoutAVATListThePublishedRatesApply() throws {
        let schedule = try TariffSchedule(json: document(tables: #"[{"effectiveFrom": "2025-05-10", "tiers": \#(tiers2025)}]"#))
        #expect(schedule.vatRates == VATRate.published)
        // 100 kWh on 2026-12-31: 201,700 × 8 % = 16,136; on 2027-01-01: × 10 % = 20,170.
        #expect(try schedule.estimate(kWh: 100, on: day("2026-12-31"), occupancy: oneHousehold).vatAmount == 16_136)
        #expect(try schedule.estimate(kWh: 100, on: day("2027-01-01"), occupancy: oneHousehold).vatAmount == 20_170)
    }

    @Test func aVATRateReadsItsSourceBackAndMayGoWithoutOne() throws {
        let schedule = try TariffSchedule(json: document(
            tables: #"[{"effectiveFrom": "2025-05-10", "tiers": \#(tiers2025)}]"#,
            vat: #"""
                [{"effectiveFrom": "2025-01-01", "percent": 8},
                 {"effectiveFrom": "2027-01-01", "percent": 10, "source": "Luật Thuế giá trị gia tăng 48/2024/QH15"}]
                """#))
        #expect(schedule.vatRates.map(\.source) == [nil, "Luật Thuế giá trị gia tăng 48/2024/QH15"])
    }

    @Test func aVATRateWritesItsSourceOnlyWhenItHasOne() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let rates = [
            VATRate(effectiveFrom: day("2025-01-01"), percent: 8),
            VATRate(effectiveFrom: day("2025-07-01"), percent: 8, source: "Nghị định 174/2025/NĐ-CP (Nghị quyết 204/2025/QH15)"),
        ]
        #expect(String(decoding: try encoder.encode(rates), as: UTF8.self) == #"""
            [{"effectiveFrom":"2025-01-01","percent":8},\#
            {"effectiveFrom":"2025-07-01","percent":8,"source":"Nghị định 174/2025/NĐ-CP (Nghị quyết 204/2025/QH15)"}]
            """#)
        #expect(try JSONDecoder().decode([VATRate].self, from: encoder.encode(rates)) == rates)
    }

    @Test func withoutAnUndeclaredOccupantsTierItIsTier3() throws {
        let schedule = try TariffSchedule(json: document(tables: #"[{"effectiveFrom": "2025-05-10", "tiers": \#(tiers2025)}]"#))
        #expect(schedule.tables[0].undeclaredOccupantsTier == 3)
    }

    @Test func theDocumentReplacesTheBuiltInTablesAsAWhole() throws {
        let schedule = try TariffSchedule(json: document(tables: #"[{"effectiveFrom": "2025-05-10", "tiers": \#(tiers2025)}]"#))
        #expect(throws: TariffInputError.dayBeforeFirstTable(day: day("2025-05-09"), firstTable: day("2025-05-10"))) {
            try schedule.estimate(kWh: 100, on: day("2025-05-09"), occupancy: oneHousehold)
        }
    }

    @Test func aFiveTierTableFromDataIsPricedOnItsOwnBounds() throws {
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
        #expect(bill.lines == [
            TierLine(tier: 1, kWh: kWh(100), price: 2000, amount: 200_000),
            TierLine(tier: 2, kWh: kWh(100), price: 2100, amount: 210_000),
            TierLine(tier: 3, kWh: kWh(200), price: 2400, amount: 480_000),
            TierLine(tier: 4, kWh: kWh(300), price: 3000, amount: 900_000),
            TierLine(tier: 5, kWh: kWh(100), price: 3500, amount: 350_000),
        ])
        #expect(bill.amountBeforeVAT == 2_140_000)
    }

    @Test func aFiveTierTableIsSharedLikeASixTierOne() throws {
        let schedule = try TariffSchedule(json: document(tables: """
            [{"effectiveFrom": "2026-01-01", "tiers": [
               {"upToKWh": 100, "price": 2000}, {"upToKWh": 200, "price": 2100}, {"upToKWh": 400, "price": 2400},
               {"upToKWh": 700, "price": 3000}, {"price": 3500}]}]
            """))
        let bill = try schedule.estimate(kWh: 1_000, on: day("2026-02-01"), occupancy: .declared(quarters: 8))
        // Bounds 200 / 400 / 800 / 1,400: 200 × 2,000 = 400,000; 200 × 2,100 = 420,000;
        // 400 × 2,400 = 960,000; 200 × 3,000 = 600,000; sum 2,380,000.
        #expect(bill.lines.map(\.kWh) == [kWh(200), kWh(200), kWh(400), kWh(200)])
        #expect(bill.amountBeforeVAT == 2_380_000)
    }

    @Test func aDecimalPriceIsReadExactly() throws {
        let schedule = try TariffSchedule(json: document(
            tables: #"[{"effectiveFrom": "2026-01-01", "undeclaredOccupantsTier": 1, "tiers": [{"price": 1984.55}]}]"#))
        // 20 × 1,984.55 = 39,691
        #expect(try schedule.estimate(kWh: 20, on: day("2026-01-01"), occupancy: oneHousehold).amountBeforeVAT == 39_691)
    }

    @Test func aFileIsLoadedFromDisk() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tariff-\(UUID().uuidString).json")
        try document(tables: #"[{"effectiveFrom": "2025-05-10", "tiers": \#(tiers2025)}]"#).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(try TariffSchedule.load(file: url).tables.map(\.effectiveFrom) == [day("2025-05-10")])
    }
}
