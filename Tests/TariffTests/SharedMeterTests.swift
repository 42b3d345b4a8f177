import Tariff
import Testing

/// A meter shared by several households or by tenants: every tier bound is multiplied by
/// quarters / 4 (Circular 16/2014/TT-BCT art. 10 as amended). 2025-05-10 table unless said.
@Suite struct SharedMeterTests {
    private func estimate(_ consumption: Int, quarters: Int, on text: String = "2025-06-15") throws -> BillEstimate {
        try TariffSchedule.published.estimate(kWh: consumption, on: day(text), occupancy: .declared(quarters: quarters))
    }

    @Test func twoHouseholdsDoubleEveryBound() throws {
        // Bounds 100 / 200 / 400 / 600 / 800; 900 kWh reach the open tier by 100.
        let bill = try estimate(900, quarters: 8)
        #expect(bill.lines.map(\.kWh) == [kWh(100), kWh(100), kWh(200), kWh(200), kWh(200), kWh(100)])
    }

    @Test func twoHouseholdsPayLessThanOneForTheSameConsumption() throws {
        // Bounds 100 / 200 / 400: 100 × 1,984 = 198,400; 100 × 2,050 = 205,000;
        // 200 × 2,380 = 476,000; 50 × 2,998 = 149,900; sum 1,029,300.
        // One household: 1,074,500 + 50 × 3,460 (173,000) = 1,247,500.
        #expect(try estimate(450, quarters: 8).amountBeforeVAT == 1_029_300)
        #expect(try estimate(450, quarters: 4).amountBeforeVAT == 1_247_500)
    }

    @Test func twoAndAQuarterHouseholdsGiveQuarterKWhBounds() throws {
        // 9 quarters: bounds 50 × 9/4 = 112.5, 225, 450, 675, 900.
        // 112.5 × 1,984 = 223,200; 112.5 × 2,050 = 230,625; 75 × 2,380 = 178,500;
        // 300 kWh in all, 632,325 đồng.
        let bill = try estimate(300, quarters: 9)
        #expect(bill.lines == [
            TierLine(tier: 1, kWh: kWh(225, per: 2), price: 1984, amount: 223_200),
            TierLine(tier: 2, kWh: kWh(225, per: 2), price: 2050, amount: 230_625),
            TierLine(tier: 3, kWh: kWh(75), price: 2380, amount: 178_500),
        ])
        #expect(bill.amountBeforeVAT == 632_325)
    }

    @Test func threeTenantsBesideAMainHouseholdAddThreeQuarters() throws {
        // 4 + 3 = 7 quarters: bounds 87.5 / 175 / 350.
        // 87.5 × 1,984 = 173,600; 87.5 × 2,050 = 179,375; 25 × 2,380 = 59,500; sum 412,475.
        let bill = try estimate(200, quarters: 7)
        #expect(bill.lines == [
            TierLine(tier: 1, kWh: kWh(175, per: 2), price: 1984, amount: 173_600),
            TierLine(tier: 2, kWh: kWh(175, per: 2), price: 2050, amount: 179_375),
            TierLine(tier: 3, kWh: kWh(25), price: 2380, amount: 59_500),
        ])
        #expect(bill.amountBeforeVAT == 412_475)
    }

    @Test func oneTenantAloneHasAQuarterOfTheBounds() throws {
        // 1 quarter: bounds 12.5 / 25 / 50. 12.5 × 1,984 = 24,800; 12.5 × 2,050 = 25,625;
        // 5 × 2,380 = 11,900; sum 62,325.
        let bill = try estimate(30, quarters: 1)
        #expect(bill.lines.map(\.kWh) == [kWh(25, per: 2), kWh(25, per: 2), kWh(5)])
        #expect(bill.amountBeforeVAT == 62_325)
    }

    @Test func aLineWorthHalfADongRoundsUp() throws {
        // 2024-10-11 table, 1 quarter: tier 1 is 12.5 kWh × 1,893 = 23,662.5 → 23,663.
        let bill = try estimate(13, quarters: 1, on: "2025-01-15")
        #expect(bill.lines.first == TierLine(tier: 1, kWh: kWh(25, per: 2), price: 1893, amount: 23_663))
        // Tier 2: 0.5 kWh × 1,956 = 978. Sum of the rounded lines: 24,641.
        #expect(bill.lines.last == TierLine(tier: 2, kWh: kWh(1, per: 2), price: 1956, amount: 978))
        #expect(bill.amountBeforeVAT == 24_641)
    }
}
