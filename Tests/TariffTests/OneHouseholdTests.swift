import Tariff
import XCTest

/// One household on its own meter under the 2025-05-10 table (1,984 / 2,050 / 2,380 /
/// 2,998 / 3,350 / 3,460 đồng per kWh; bounds 50 / 100 / 200 / 300 / 400), at each tier's
/// first and last kWh. Amounts before VAT; VAT has its own tests.
final class OneHouseholdTests: XCTestCase {
    private func estimate(_ consumption: Int) throws -> BillEstimate {
        try TariffSchedule.published.estimate(kWh: consumption, on: day("2025-06-15"), occupancy: oneHousehold)
    }

    func testNoConsumptionCostsNothingAndHasNoLines() throws {
        let bill = try estimate(0)
        XCTAssertEqual(bill.lines, [])
        XCTAssertEqual(bill.amountBeforeVAT, 0)
        XCTAssertEqual(bill.vatAmount, 0)
        XCTAssertEqual(bill.total, 0)
    }

    func testFiftyKWhFillTier1Exactly() throws {
        let bill = try estimate(50)
        // 50 × 1,984 = 99,200
        XCTAssertEqual(bill.lines, [TierLine(tier: 1, kWh: kWh(50), price: 1984, amount: 99_200)])
        XCTAssertEqual(bill.amountBeforeVAT, 99_200)
    }

    func testTheFiftyFirstKWhIsTier2() throws {
        let bill = try estimate(51)
        // 50 × 1,984 = 99,200; 1 × 2,050 = 2,050; sum 101,250
        XCTAssertEqual(bill.lines, [
            TierLine(tier: 1, kWh: kWh(50), price: 1984, amount: 99_200),
            TierLine(tier: 2, kWh: kWh(1), price: 2050, amount: 2_050),
        ])
        XCTAssertEqual(bill.amountBeforeVAT, 101_250)
    }

    func testAHundredKWhFillTier2Exactly() throws {
        let bill = try estimate(100)
        // 99,200 + 50 × 2,050 (102,500) = 201,700
        XCTAssertEqual(bill.lines.last, TierLine(tier: 2, kWh: kWh(50), price: 2050, amount: 102_500))
        XCTAssertEqual(bill.lines.count, 2)
        XCTAssertEqual(bill.amountBeforeVAT, 201_700)
    }

    func testTheHundredAndFirstKWhIsTier3() throws {
        let bill = try estimate(101)
        // 201,700 + 1 × 2,380 = 204,080
        XCTAssertEqual(bill.lines.last, TierLine(tier: 3, kWh: kWh(1), price: 2380, amount: 2_380))
        XCTAssertEqual(bill.amountBeforeVAT, 204_080)
    }

    func testTwoHundredKWhFillTier3Exactly() throws {
        let bill = try estimate(200)
        // 201,700 + 100 × 2,380 (238,000) = 439,700
        XCTAssertEqual(bill.lines.last, TierLine(tier: 3, kWh: kWh(100), price: 2380, amount: 238_000))
        XCTAssertEqual(bill.amountBeforeVAT, 439_700)
    }

    func testTheTwoHundredAndFirstKWhIsTier4() throws {
        let bill = try estimate(201)
        // 439,700 + 1 × 2,998 = 442,698
        XCTAssertEqual(bill.lines.last, TierLine(tier: 4, kWh: kWh(1), price: 2998, amount: 2_998))
        XCTAssertEqual(bill.amountBeforeVAT, 442_698)
    }

    func testThreeHundredKWhFillTier4Exactly() throws {
        let bill = try estimate(300)
        // 439,700 + 100 × 2,998 (299,800) = 739,500
        XCTAssertEqual(bill.lines.last, TierLine(tier: 4, kWh: kWh(100), price: 2998, amount: 299_800))
        XCTAssertEqual(bill.amountBeforeVAT, 739_500)
    }

    func testTheThreeHundredAndFirstKWhIsTier5() throws {
        let bill = try estimate(301)
        // 739,500 + 1 × 3,350 = 742,850
        XCTAssertEqual(bill.lines.last, TierLine(tier: 5, kWh: kWh(1), price: 3350, amount: 3_350))
        XCTAssertEqual(bill.amountBeforeVAT, 742_850)
    }

    func testFourHundredKWhFillTier5Exactly() throws {
        let bill = try estimate(400)
        // 739,500 + 100 × 3,350 (335,000) = 1,074,500
        XCTAssertEqual(bill.lines.last, TierLine(tier: 5, kWh: kWh(100), price: 3350, amount: 335_000))
        XCTAssertEqual(bill.amountBeforeVAT, 1_074_500)
    }

    func testTheFourHundredAndFirstKWhIsTheOpenTier6() throws {
        let bill = try estimate(401)
        // 1,074,500 + 1 × 3,460 = 1,077,960
        XCTAssertEqual(bill.lines, [
            TierLine(tier: 1, kWh: kWh(50), price: 1984, amount: 99_200),
            TierLine(tier: 2, kWh: kWh(50), price: 2050, amount: 102_500),
            TierLine(tier: 3, kWh: kWh(100), price: 2380, amount: 238_000),
            TierLine(tier: 4, kWh: kWh(100), price: 2998, amount: 299_800),
            TierLine(tier: 5, kWh: kWh(100), price: 3350, amount: 335_000),
            TierLine(tier: 6, kWh: kWh(1), price: 3460, amount: 3_460),
        ])
        XCTAssertEqual(bill.amountBeforeVAT, 1_077_960)
    }

    func testTheOpenTierTakesEverythingAboveTier5() throws {
        let bill = try estimate(1_000)
        // 1,074,500 + 600 × 3,460 (2,076,000) = 3,150,500
        XCTAssertEqual(bill.lines.last, TierLine(tier: 6, kWh: kWh(600), price: 3460, amount: 2_076_000))
        XCTAssertEqual(bill.amountBeforeVAT, 3_150_500)
    }

    func testTheEstimateStatesTheConsumptionAndOccupancyItPriced() throws {
        let bill = try estimate(120)
        XCTAssertEqual(bill.consumption, kWh(120))
        XCTAssertEqual(bill.occupancy, oneHousehold)
    }
}
