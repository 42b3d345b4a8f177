import Tariff
import Testing

/// Occupants not declared (or a lease under 12 months without full declaration): the price
/// of the table's tier 3 on all consumption (Circular 16/2014/TT-BCT art. 10 as amended).
@Suite struct UndeclaredOccupantsTests {
    @Test func allConsumptionPaysTheTier3PriceInOneLine() throws {
        let bill = try TariffSchedule.published.estimate(kWh: 150, on: day("2025-06-15"), occupancy: .undeclared)
        // 150 × 2,380 = 357,000
        #expect(bill.lines == [TierLine(tier: 3, kWh: kWh(150), price: 2380, amount: 357_000)])
        #expect(bill.amountBeforeVAT == 357_000)
    }

    @Test func aSmallConsumptionPaysMoreThanOnTheTiers() throws {
        // Undeclared: 30 × 2,380 = 71,400. One household: 30 × 1,984 = 59,520.
        let schedule = TariffSchedule.published
        #expect(try schedule.estimate(kWh: 30, on: day("2025-06-15"), occupancy: .undeclared).amountBeforeVAT == 71_400)
        #expect(try schedule.estimate(kWh: 30, on: day("2025-06-15"), occupancy: oneHousehold).amountBeforeVAT == 59_520)
    }

    @Test func theTier3PriceIsTheOneOfTheTableInForce() throws {
        // 2024-10-11 table: 100 × 2,271 = 227,100
        let bill = try TariffSchedule.published.estimate(kWh: 100, on: day("2025-05-09"), occupancy: .undeclared)
        #expect(bill.lines == [TierLine(tier: 3, kWh: kWh(100), price: 2271, amount: 227_100)])
    }

    @Test func theFlatTierIsDataOfTheTable() throws {
        let schedule = try TariffSchedule(json: document(tables: """
            [{"effectiveFrom": "2026-01-01", "undeclaredOccupantsTier": 2,
              "tiers": [{"upToKWh": 100, "price": 2000}, {"upToKWh": 200, "price": 2100}, {"price": 2400}]}]
            """))
        // Tier 2 named by the table: 10 × 2,100 = 21,000
        let bill = try schedule.estimate(kWh: 10, on: day("2026-02-01"), occupancy: .undeclared)
        #expect(bill.lines == [TierLine(tier: 2, kWh: kWh(10), price: 2100, amount: 21_000)])
    }

    @Test func noConsumptionHasNoLine() throws {
        let bill = try TariffSchedule.published.estimate(kWh: 0, on: day("2025-06-15"), occupancy: .undeclared)
        #expect(bill.lines == [])
        #expect(bill.total == 0)
    }
}
