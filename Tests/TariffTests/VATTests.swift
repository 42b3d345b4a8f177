import Tariff
import Testing

/// VAT on top of the amount before VAT, at the dated rate in force, rounded half up.
@Suite struct VATTests {
    @Test func theRateInForceOnTheDayAppliesAndTheEstimateStatesIt() throws {
        let bill = try TariffSchedule.published.estimate(kWh: 100, on: day("2025-06-15"), occupancy: oneHousehold)
        // 8 % (Decree 180/2024/NĐ-CP): 201,700 × 8 % = 16,136; total 217,836
        #expect(bill.vatPercent == 8)
        #expect(bill.vatAmount == 16_136)
        #expect(bill.total == 217_836)
    }

    @Test func vatBelowHalfADongRoundsDown() throws {
        let bill = try TariffSchedule.published.estimate(kWh: 3, on: day("2025-06-15"), occupancy: oneHousehold)
        // 3 × 1,984 = 5,952; × 8 % = 476.16 → 476; total 6,428
        #expect(bill.vatAmount == 476)
        #expect(bill.total == 6_428)
    }

    @Test func vatAboveHalfADongRoundsUp() throws {
        let bill = try publishedTablesAtTheStandardRate.estimate(kWh: 201, on: day("2025-06-15"), occupancy: oneHousehold)
        // 442,698 × 10 % = 44,269.8 → 44,270; total 486,968
        #expect(bill.vatAmount == 44_270)
        #expect(bill.total == 486_968)
    }

    @Test func vatOfExactlyHalfADongRoundsUp() throws {
        // At 8 % no whole amount gives half a đồng (amount × 8 would have to end in 50),
        // so the standard rate shows the rule.
        let bill = try publishedTablesAtTheStandardRate.estimate(kWh: 5, on: day("2025-01-15"), occupancy: oneHousehold)
        // 2024-10-11 table: 5 × 1,893 = 9,465; × 10 % = 946.5 → 947; total 10,412
        #expect(bill.amountBeforeVAT == 9_465)
        #expect(bill.vatAmount == 947)
        #expect(bill.total == 10_412)
    }

    @Test func aLoadedReductionPeriodAppliesItsRate() throws {
        let schedule = try TariffSchedule(json: document(
            tables: #"[{"effectiveFrom": "2025-05-10", "tiers": \#(tiers2025)}]"#,
            vat: #"[{"effectiveFrom": "2025-05-10", "percent": 10}, {"effectiveFrom": "2025-07-01", "percent": 8}]"#))
        let bill = try schedule.estimate(kWh: 100, on: day("2025-07-01"), occupancy: oneHousehold)
        // 201,700 × 8 % = 16,136; total 217,836
        #expect(bill.vatPercent == 8)
        #expect(bill.vatAmount == 16_136)
        #expect(bill.total == 217_836)
    }

    @Test func theRateBeforeAReductionStillApplies() throws {
        let schedule = try TariffSchedule(json: document(
            tables: #"[{"effectiveFrom": "2025-05-10", "tiers": \#(tiers2025)}]"#,
            vat: #"[{"effectiveFrom": "2025-05-10", "percent": 10}, {"effectiveFrom": "2025-07-01", "percent": 8}]"#))
        #expect(try schedule.estimate(kWh: 100, on: day("2025-06-30"), occupancy: oneHousehold).vatPercent == 10)
    }

    @Test func aFractionalRateIsExact() throws {
        let schedule = try TariffSchedule(json: document(
            tables: #"[{"effectiveFrom": "2025-05-10", "tiers": \#(tiers2025)}]"#,
            vat: #"[{"effectiveFrom": "2025-05-10", "percent": 7.5}]"#))
        let bill = try schedule.estimate(kWh: 100, on: day("2025-06-15"), occupancy: oneHousehold)
        // 201,700 × 7.5 % = 15,127.5 → 15,128
        #expect(bill.vatAmount == 15_128)
    }
}
