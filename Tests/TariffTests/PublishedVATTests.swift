import Foundation
import Tariff
import Testing

/// The VAT periods electricity has been billed at, built in with their legal sources, and
/// the bills they give.
@Suite struct PublishedVATTests {
    /// One table in force since the standard rate began, from a document without a `vat`
    /// list, so that a bill can be priced in every published period.
    private let schedule: TariffSchedule

    init() throws {
        schedule = try TariffSchedule(json: document(tables: #"[{"effectiveFrom": "2009-01-01", "tiers": \#(tiers2025)}]"#))
    }

    @Test func theBuiltInPeriodsAreTheOnesPublished() {
        #expect(VATRate.published.map { "\($0.effectiveFrom) \($0.percent) %" } == [
            "2009-01-01 10 %", "2022-02-01 8 %", "2023-01-01 10 %", "2023-07-01 8 %", "2024-01-01 8 %",
            "2024-07-01 8 %", "2025-01-01 8 %", "2025-07-01 8 %", "2027-01-01 10 %",
        ])
    }

    @Test func everyBuiltInRateNamesItsLegalSource() {
        #expect(VATRate.published.map(\.source) == [
            "Luật Thuế giá trị gia tăng 13/2008/QH12",
            "Nghị định 15/2022/NĐ-CP (Nghị quyết 43/2022/QH15)",
            "Luật Thuế giá trị gia tăng 13/2008/QH12 (hết thời hạn giảm thuế)",
            "Nghị định 44/2023/NĐ-CP (Nghị quyết 101/2023/QH15)",
            "Nghị định 94/2023/NĐ-CP (Nghị quyết 110/2023/QH15)",
            "Nghị định 72/2024/NĐ-CP (Nghị quyết 142/2024/QH15)",
            "Nghị định 180/2024/NĐ-CP (Nghị quyết 174/2024/QH15)",
            "Nghị định 174/2025/NĐ-CP (Nghị quyết 204/2025/QH15)",
            "Luật Thuế giá trị gia tăng 48/2024/QH15",
        ])
    }

    @Test func theStandardRateIsTheFirstPublishedOne() {
        #expect(VATRate.published.first == VATRate.standard)
        #expect(VATRate.standard.percent == 10)
    }

    /// 100 kWh (201,700 đồng before VAT) on a day inside each period and on both sides of
    /// each boundary: 201,700 × 10 % = 20,170, × 8 % = 16,136.
    @Test(arguments: [
        ("2009-01-01", 10, 20_170), ("2015-06-15", 10, 20_170), ("2022-01-31", 10, 20_170),
        ("2022-02-01", 8, 16_136), ("2022-08-15", 8, 16_136), ("2022-12-31", 8, 16_136),
        ("2023-01-01", 10, 20_170), ("2023-04-15", 10, 20_170), ("2023-06-30", 10, 20_170),
        ("2023-07-01", 8, 16_136), ("2023-10-15", 8, 16_136), ("2023-12-31", 8, 16_136),
        ("2024-01-01", 8, 16_136), ("2024-04-15", 8, 16_136), ("2024-06-30", 8, 16_136),
        ("2024-07-01", 8, 16_136), ("2024-10-15", 8, 16_136), ("2024-12-31", 8, 16_136),
        ("2025-01-01", 8, 16_136), ("2025-04-15", 8, 16_136), ("2025-06-30", 8, 16_136),
        ("2025-07-01", 8, 16_136), ("2026-03-15", 8, 16_136), ("2026-12-31", 8, 16_136),
        ("2027-01-01", 10, 20_170), ("2030-06-15", 10, 20_170),
    ])
    func aBillIsTaxedAtTheRateOfItsDay(on text: String, percent: Int, vatAmount: Int) throws {
        let bill = try schedule.estimate(kWh: 100, on: day(text), occupancy: oneHousehold)
        #expect(bill.vatPercent == Decimal(percent))
        #expect(bill.vatAmount == Decimal(vatAmount))
    }

    @Test func aReadingPeriodAcrossTheEndOfTheReductionIsSplitIntoAnEightAndATenPercentPart() throws {
        let period = try TariffSchedule.published.estimate(
            kWh: 310, from: day("2026-12-16"), through: day("2027-01-15"), occupancy: oneHousehold)
        // 31 days: 16 – 31 Dec (16) at 8 %, 1 – 15 Jan (15) at 10 %; 160 and 150 of the 310 kWh.
        // December, bounds 50 × 16/31 = 800/31 kWh and so on:
        //   800/31 × 1,984 = 51,200; 800/31 × 2,050 = 52,903.23 → 52,903;
        //   1,600/31 × 2,380 = 122,838.71 → 122,839; 1,600/31 × 2,998 = 154,735.48 → 154,735;
        //   the last 160/31 kWh × 3,350 = 17,290.32 → 17,290; sum 398,967;
        //   VAT 8 % = 31,917.36 → 31,917; total 430,884.
        // January, bounds 50 × 15/31 = 750/31 kWh and so on:
        //   750/31 × 1,984 = 48,000; 750/31 × 2,050 = 49,596.77 → 49,597;
        //   1,500/31 × 2,380 = 115,161.29 → 115,161; 1,500/31 × 2,998 = 145,064.52 → 145,065;
        //   the last 150/31 kWh × 3,350 = 16,209.68 → 16,210; sum 374,033;
        //   VAT 10 % = 37,403.3 → 37,403; total 411,436.
        #expect(period.parts.map(\.from) == [day("2026-12-16"), day("2027-01-01")])
        #expect(period.parts.map(\.days) == [16, 15])
        #expect(period.parts.map(\.estimate.consumption) == [kWh(160), kWh(150)])
        let (december, january) = (period.parts[0].estimate, period.parts[1].estimate)
        #expect(december.lines.map(\.amount) == [51_200, 52_903, 122_839, 154_735, 17_290])
        #expect([december.amountBeforeVAT, december.vatPercent, december.vatAmount, december.total]
            == [398_967, 8, 31_917, 430_884])
        #expect(january.lines.map(\.amount) == [48_000, 49_597, 115_161, 145_065, 16_210])
        #expect([january.amountBeforeVAT, january.vatPercent, january.vatAmount, january.total]
            == [374_033, 10, 37_403, 411_436])
        // 398,967 + 374,033 = 773,000; 31,917 + 37,403 = 69,320; 430,884 + 411,436 = 842,320
        #expect([period.amountBeforeVAT, period.vatAmount, period.total] == [773_000, 69_320, 842_320])
    }

    @Test func aDecreeThatExtendsTheReductionDoesNotSplitAReadingPeriod() throws {
        let period = try TariffSchedule.published.estimate(
            kWh: 200, from: day("2025-06-16"), through: day("2025-07-15"), occupancy: oneHousehold)
        // Decree 174/2025/NĐ-CP follows Decree 180/2024/NĐ-CP on 1 Jul at the same 8 %:
        // one part, priced like the month: 439,700 before VAT; VAT 35,176; total 474,876.
        #expect(period.parts.count == 1)
        #expect(period.parts[0].estimate.vatPercent == 8)
        #expect([period.amountBeforeVAT, period.vatAmount, period.total] == [439_700, 35_176, 474_876])
    }

    @Test func aReadingPeriodAcrossTheReturnToTenPercentIn2023IsSplitToo() throws {
        let period = try schedule.estimate(
            kWh: 200, from: day("2022-12-17"), through: day("2023-01-15"), occupancy: oneHousehold)
        // 15 + 15 days, 100 kWh each, bounds 25 / 50 / 100: 219,850 before VAT each;
        // VAT 8 % = 17,588, then 10 % = 21,985.
        #expect(period.parts.map(\.estimate.vatPercent) == [8, 10])
        #expect(period.parts.map(\.estimate.vatAmount) == [17_588, 21_985])
    }
}
