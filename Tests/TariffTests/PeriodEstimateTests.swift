import Tariff
import Testing

/// A reading period that spans a change of table or of VAT rate: each part gets
/// `days / period days` of the kWh and of every tier bound, and is priced by its own table.
/// The published tables at the standard 10 %, so that the worked amounts show the splitting
/// alone; the published VAT periods are priced in ``PublishedVATTests``.
@Suite struct PeriodEstimateTests {
    private let schedule = publishedTablesAtTheStandardRate

    @Test func thePeriodIsCutOnTheDayTheNewTableTakesEffect() throws {
        let period = try schedule.estimate(kWh: 300, from: day("2025-04-25"), through: day("2025-05-24"), occupancy: oneHousehold)
        // 25 Apr – 24 May counted both ends: 30 days; 25 Apr – 9 May is 15, 10 – 24 May is 15.
        #expect(period.days == 30)
        #expect(period.parts.map(\.from) == [day("2025-04-25"), day("2025-05-10")])
        #expect(period.parts.map(\.through) == [day("2025-05-09"), day("2025-05-24")])
        #expect(period.parts.map(\.days) == [15, 15])
        #expect(period.parts.map(\.estimate.tableEffectiveFrom) == [day("2024-10-11"), day("2025-05-10")])
    }

    @Test func eachHalfOfAnEvenSplitGetsHalfTheKWhAndHalfTheBounds() throws {
        let period = try schedule.estimate(kWh: 300, from: day("2025-04-25"), through: day("2025-05-24"), occupancy: oneHousehold)
        // Each part: 300 × 15/30 = 150 kWh; bounds 50 × 15/30 = 25, 50, 100, 150.
        // Old: 25 × 1,893 = 47,325; 25 × 1,956 = 48,900; 50 × 2,271 = 113,550;
        //      50 × 2,860 = 143,000; sum 352,775; VAT 35,277.5 → 35,278; total 388,053.
        // New: 25 × 1,984 = 49,600; 25 × 2,050 = 51,250; 50 × 2,380 = 119,000;
        //      50 × 2,998 = 149,900; sum 369,750; VAT 36,975; total 406,725.
        let old = period.parts[0].estimate
        #expect(old.consumption == kWh(150))
        #expect(old.lines == [
            TierLine(tier: 1, kWh: kWh(25), price: 1893, amount: 47_325),
            TierLine(tier: 2, kWh: kWh(25), price: 1956, amount: 48_900),
            TierLine(tier: 3, kWh: kWh(50), price: 2271, amount: 113_550),
            TierLine(tier: 4, kWh: kWh(50), price: 2860, amount: 143_000),
        ])
        #expect([old.amountBeforeVAT, old.vatAmount, old.total] == [352_775, 35_278, 388_053])
        let new = period.parts[1].estimate
        #expect(new.lines.map(\.amount) == [49_600, 51_250, 119_000, 149_900])
        #expect([new.amountBeforeVAT, new.vatAmount, new.total] == [369_750, 36_975, 406_725])
    }

    @Test func thePeriodAmountsAreTheSumsOfThePartsAmounts() throws {
        let period = try schedule.estimate(kWh: 300, from: day("2025-04-25"), through: day("2025-05-24"), occupancy: oneHousehold)
        // 352,775 + 369,750 = 722,525; 35,278 + 36,975 = 72,253; 388,053 + 406,725 = 794,778
        #expect(period.consumption == kWh(300))
        #expect(period.amountBeforeVAT == 722_525)
        #expect(period.vatAmount == 72_253)
        #expect(period.total == 794_778)
    }

    @Test func anUnevenSplitKeepsTheSharesExact() throws {
        let period = try schedule.estimate(kWh: 100, from: day("2025-05-01"), through: day("2025-05-31"), occupancy: oneHousehold)
        // 31 days: 1 – 9 May (9) old, 10 – 31 May (22) new.
        // Old: 100 × 9/31 = 900/31 kWh; tier 1 bound 50 × 9/31 = 450/31.
        //   450/31 × 1,893 = 851,850/31 = 27,479.03 → 27,479
        //   450/31 × 1,956 = 880,200/31 = 28,393.55 → 28,394
        //   sum 55,873; VAT 5,587.3 → 5,587; total 61,460.
        // New: 100 × 22/31 = 2,200/31 kWh; tier 1 bound 1,100/31.
        //   1,100/31 × 1,984 = 2,182,400/31 = 70,400 exactly
        //   1,100/31 × 2,050 = 2,255,000/31 = 72,741.94 → 72,742
        //   sum 143,142; VAT 14,314.2 → 14,314; total 157,456.
        let (old, new) = (period.parts[0].estimate, period.parts[1].estimate)
        #expect(old.consumption == kWh(900, per: 31))
        #expect(old.lines == [
            TierLine(tier: 1, kWh: kWh(450, per: 31), price: 1893, amount: 27_479),
            TierLine(tier: 2, kWh: kWh(450, per: 31), price: 1956, amount: 28_394),
        ])
        #expect([old.amountBeforeVAT, old.vatAmount, old.total] == [55_873, 5_587, 61_460])
        #expect(new.consumption == kWh(2_200, per: 31))
        #expect(new.lines == [
            TierLine(tier: 1, kWh: kWh(1_100, per: 31), price: 1984, amount: 70_400),
            TierLine(tier: 2, kWh: kWh(1_100, per: 31), price: 2050, amount: 72_742),
        ])
        #expect([new.amountBeforeVAT, new.vatAmount, new.total] == [143_142, 14_314, 157_456])
        // 55,873 + 143,142 = 199,015; 5,587 + 14,314 = 19,901; 61,460 + 157,456 = 218,916
        #expect([period.amountBeforeVAT, period.vatAmount, period.total] == [199_015, 19_901, 218_916])
    }

    @Test func aPeriodUnderOneTableIsPricedLikeAMonth() throws {
        let period = try schedule.estimate(kWh: 250, from: day("2025-06-01"), through: day("2025-06-30"), occupancy: .declared(quarters: 9))
        let month = try schedule.estimate(kWh: 250, on: day("2025-06-01"), occupancy: .declared(quarters: 9))
        #expect(period.parts.count == 1)
        #expect(period.parts[0].estimate == month)
        #expect(period.total == month.total)
    }

    @Test func aOneDayPeriodIsOnePart() throws {
        let period = try schedule.estimate(kWh: 10, from: day("2025-05-10"), through: day("2025-05-10"), occupancy: oneHousehold)
        // 10 × 1,984 = 19,840
        #expect(period.days == 1)
        #expect(period.parts.map(\.days) == [1])
        #expect(period.amountBeforeVAT == 19_840)
    }

    @Test func undeclaredOccupantsPayEachTablesTier3OnTheirShare() throws {
        let period = try schedule.estimate(kWh: 100, from: day("2025-04-25"), through: day("2025-05-24"), occupancy: .undeclared)
        // 50 × 2,271 = 113,550; 50 × 2,380 = 119,000; sum 232,550
        #expect(period.parts.map(\.estimate.lines) == [
            [TierLine(tier: 3, kWh: kWh(50), price: 2271, amount: 113_550)],
            [TierLine(tier: 3, kWh: kWh(50), price: 2380, amount: 119_000)],
        ])
        #expect(period.amountBeforeVAT == 232_550)
    }

    @Test func thePeriodIsAlsoCutWhereTheVATRateChanges() throws {
        let reduced = try TariffSchedule(json: document(
            tables: #"[{"effectiveFrom": "2025-05-10", "tiers": \#(tiers2025)}]"#,
            vat: #"[{"effectiveFrom": "2025-05-10", "percent": 10}, {"effectiveFrom": "2025-07-01", "percent": 8}]"#))
        let period = try reduced.estimate(kWh: 200, from: day("2025-06-16"), through: day("2025-07-15"), occupancy: oneHousehold)
        // 15 + 15 days, 100 kWh each, bounds 25 / 50 / 100:
        // 25 × 1,984 + 25 × 2,050 + 50 × 2,380 = 49,600 + 51,250 + 119,000 = 219,850 each.
        // VAT 10 % = 21,985 (total 241,835) then 8 % = 17,588 (total 237,438).
        #expect(period.parts.map(\.estimate.vatPercent) == [10, 8])
        #expect(period.parts.map(\.estimate.vatAmount) == [21_985, 17_588])
        // 219,850 × 2 = 439,700; 21,985 + 17,588 = 39,573; 241,835 + 237,438 = 479,273
        #expect([period.amountBeforeVAT, period.vatAmount, period.total] == [439_700, 39_573, 479_273])
    }

    @Test func eachPartUsesTheTierStructureOfItsOwnTable() throws {
        // The 2026 five-tier table here has invented prices: none are published.
        let schedule = try TariffSchedule(json: document(tables: """
            [{"effectiveFrom": "2025-05-10", "tiers": \(tiers2025)},
             {"effectiveFrom": "2026-01-01", "tiers": [
               {"upToKWh": 100, "price": 2000}, {"upToKWh": 200, "price": 2100}, {"upToKWh": 400, "price": 2400},
               {"upToKWh": 700, "price": 3000}, {"price": 3500}]}]
            """))
        let period = try schedule.estimate(kWh: 300, from: day("2025-12-17"), through: day("2026-01-15"), occupancy: oneHousehold)
        // 17 – 31 Dec (15 days) and 1 – 15 Jan (15 days), 150 kWh each.
        // Six tiers, bounds 25 / 50 / 100 / 150: 49,600 + 51,250 + 119,000 + 149,900 = 369,750.
        // Five tiers, bounds 50 / 100 / 200: 50 × 2,000 + 50 × 2,100 + 50 × 2,400 = 325,000.
        #expect(period.parts.map(\.estimate.amountBeforeVAT) == [369_750, 325_000])
        #expect(period.parts[1].estimate.lines.map(\.kWh) == [kWh(50), kWh(50), kWh(50)])
        #expect(period.amountBeforeVAT == 694_750)
    }
}
