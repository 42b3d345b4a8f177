import Tariff
import Testing

/// The table that prices a month is the last one in force on the estimate's day.
/// 100 kWh for one household = 50 kWh in tier 1 + 50 kWh in tier 2.
@Suite struct TableSelectionTests {
    private func estimate(on text: String) throws -> BillEstimate {
        try TariffSchedule.published.estimate(kWh: 100, on: day(text), occupancy: oneHousehold)
    }

    @Test func theDayBeforeMay2025IsPricedByTheOctober2024Table() throws {
        let bill = try estimate(on: "2025-05-09")
        // 50 × 1,893 + 50 × 1,956 = 94,650 + 97,800 = 192,450
        #expect(bill.tableEffectiveFrom == day("2024-10-11"))
        #expect(bill.amountBeforeVAT == 192_450)
    }

    @Test func theMay2025TableAppliesFromItsFirstDay() throws {
        let bill = try estimate(on: "2025-05-10")
        // 50 × 1,984 + 50 × 2,050 = 99,200 + 102,500 = 201,700
        #expect(bill.tableEffectiveFrom == day("2025-05-10"))
        #expect(bill.amountBeforeVAT == 201_700)
    }

    @Test func theDayBeforeOctober2024IsPricedByTheNovember2023Table() throws {
        let bill = try estimate(on: "2024-10-10")
        // 50 × 1,806 + 50 × 1,866 = 90,300 + 93,300 = 183,600
        #expect(bill.tableEffectiveFrom == day("2023-11-09"))
        #expect(bill.amountBeforeVAT == 183_600)
    }

    @Test func theOctober2024TableAppliesFromItsFirstDay() throws {
        let bill = try estimate(on: "2024-10-11")
        #expect(bill.tableEffectiveFrom == day("2024-10-11"))
        #expect(bill.amountBeforeVAT == 192_450)
    }

    @Test func theLatestTableGoesOnApplyingWithoutAnEnd() throws {
        #expect(try estimate(on: "2030-01-01").tableEffectiveFrom == day("2025-05-10"))
    }

    @Test func theScheduleAnswersTheTableInForceOnADay() throws {
        let table = try TariffSchedule.published.table(on: day("2024-12-31"))
        #expect(table.effectiveFrom == day("2024-10-11"))
        #expect(table.tiers.map(\.price) == [1893, 1956, 2271, 2860, 3197, 3302])
    }
}
