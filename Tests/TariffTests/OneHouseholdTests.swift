import Tariff
import Testing

/// One household on its own meter under the 2025-05-10 table (1,984 / 2,050 / 2,380 /
/// 2,998 / 3,350 / 3,460 đồng per kWh; bounds 50 / 100 / 200 / 300 / 400), at each tier's
/// first and last kWh. Amounts before VAT; VAT has its own tests.
@Suite struct OneHouseholdTests {
    private func estimate(_ consumption: Int) throws -> BillEstimate {
        try TariffSchedule.published.estimate(kWh: consumption, on: day("2025-06-15"), occupancy: oneHousehold)
    }

    @Test func noConsumptionCostsNothingAndHasNoLines() throws {
        let bill = try estimate(0)
        #expect(bill.lines == [])
        #expect(bill.amountBeforeVAT == 0)
        #expect(bill.vatAmount == 0)
        #expect(bill.total == 0)
    }

    @Test func fiftyKWhFillTier1Exactly() throws {
        let bill = try estimate(50)
        // 50 × 1,984 = 99,200
        #expect(bill.lines == [TierLine(tier: 1, kWh: kWh(50), price: 1984, amount: 99_200)])
        #expect(bill.amountBeforeVAT == 99_200)
    }

    @Test func theFiftyFirstKWhIsTier2() throws {
        let bill = try estimate(51)
        // 50 × 1,984 = 99,200; 1 × 2,050 = 2,050; sum 101,250
        #expect(bill.lines == [
            TierLine(tier: 1, kWh: kWh(50), price: 1984, amount: 99_200),
            TierLine(tier: 2, kWh: kWh(1), price: 2050, amount: 2_050),
        ])
        #expect(bill.amountBeforeVAT == 101_250)
    }

    @Test func aHundredKWhFillTier2Exactly() throws {
        let bill = try estimate(100)
        // 99,200 + 50 × 2,050 (102,500) = 201,700
        #expect(bill.lines.last == TierLine(tier: 2, kWh: kWh(50), price: 2050, amount: 102_500))
        #expect(bill.lines.count == 2)
        #expect(bill.amountBeforeVAT == 201_700)
    }

    @Test func theHundredAndFirstKWhIsTier3() throws {
        let bill = try estimate(101)
        // 201,700 + 1 × 2,380 = 204,080
        #expect(bill.lines.last == TierLine(tier: 3, kWh: kWh(1), price: 2380, amount: 2_380))
        #expect(bill.amountBeforeVAT == 204_080)
    }

    @Test func twoHundredKWhFillTier3Exactly() throws {
        let bill = try estimate(200)
        // 201,700 + 100 × 2,380 (238,000) = 439,700
        #expect(bill.lines.last == TierLine(tier: 3, kWh: kWh(100), price: 2380, amount: 238_000))
        #expect(bill.amountBeforeVAT == 439_700)
    }

    @Test func theTwoHundredAndFirstKWhIsTier4() throws {
        let bill = try estimate(201)
        // 439,700 + 1 × 2,998 = 442,698
        #expect(bill.lines.last == TierLine(tier: 4, kWh: kWh(1), price: 2998, amount: 2_998))
        #expect(bill.amountBeforeVAT == 442_698)
    }

    @Test func threeHundredKWhFillTier4Exactly() throws {
        let bill = try estimate(300)
        // 439,700 + 100 × 2,998 (299,800) = 739,500
        #expect(bill.lines.last == TierLine(tier: 4, kWh: kWh(100), price: 2998, amount: 299_800))
        #expect(bill.amountBeforeVAT == 739_500)
    }

    @Test func theThreeHundredAndFirstKWhIsTier5() throws {
        let bill = try estimate(301)
        // 739,500 + 1 × 3,350 = 742,850
        #expect(bill.lines.last == TierLine(tier: 5, kWh: kWh(1), price: 3350, amount: 3_350))
        #expect(bill.amountBeforeVAT == 742_850)
    }

    @Test func fourHundredKWhFillTier5Exactly() throws {
        let bill = try estimate(400)
        // 739,500 + 100 × 3,350 (335,000) = 1,074,500
        #expect(bill.lines.last == TierLine(tier: 5, kWh: kWh(100), price: 3350, amount: 335_000))
        #expect(bill.amountBeforeVAT == 1_074_500)
    }

    @Test func theFourHundredAndFirstKWhIsTheOpenTier6() throws {
        let bill = try estimate(401)
        // 1,074,500 + 1 × 3,460 = 1,077,960
        #expect(bill.lines == [
            TierLine(tier: 1, kWh: kWh(50), price: 1984, amount: 99_200),
            TierLine(tier: 2, kWh: kWh(50), price: 2050, amount: 102_500),
            TierLine(tier: 3, kWh: kWh(100), price: 2380, amount: 238_000),
            TierLine(tier: 4, kWh: kWh(100), price: 2998, amount: 299_800),
            TierLine(tier: 5, kWh: kWh(100), price: 3350, amount: 335_000),
            TierLine(tier: 6, kWh: kWh(1), price: 3460, amount: 3_460),
        ])
        #expect(bill.amountBeforeVAT == 1_077_960)
    }

    @Test func theOpenTierTakesEverythingAboveTier5() throws {
        let bill = try estimate(1_000)
        // 1,074,500 + 600 × 3,460 (2,076,000) = 3,150,500
        #expect(bill.lines.last == TierLine(tier: 6, kWh: kWh(600), price: 3460, amount: 2_076_000))
        #expect(bill.amountBeforeVAT == 3_150_500)
    }

    @Test func theEstimateStatesTheConsumptionAndOccupancyItPriced() throws {
        let bill = try estimate(120)
        #expect(bill.consumption == kWh(120))
        #expect(bill.occupancy == oneHousehold)
    }
}
