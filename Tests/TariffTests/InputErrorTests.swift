import Tariff
import XCTest

/// Values an estimate cannot be made from; the service answers them with HTTP 422.
final class InputErrorTests: XCTestCase {
    private let schedule = TariffSchedule.published
    private let june = day("2025-06-15")

    func testNegativeConsumptionIsRefused() {
        XCTAssertThrows(TariffInputError.negativeConsumption(kWh: -1),
                        try schedule.estimate(kWh: -1, on: june, occupancy: oneHousehold))
    }

    func testConsumptionAboveTheMaximumIsRefused() {
        XCTAssertThrows(TariffInputError.consumptionTooLarge(kWh: 10_000_001),
                        try schedule.estimate(kWh: 10_000_001, on: june, occupancy: oneHousehold))
    }

    func testTheMaximumConsumptionIsAccepted() throws {
        // 1,074,500 + (10,000,000 − 400) × 3,460 = 1,074,500 + 34,598,616,000 = 34,599,690,500
        XCTAssertEqual(try schedule.estimate(kWh: 10_000_000, on: june, occupancy: oneHousehold).amountBeforeVAT,
                       34_599_690_500)
    }

    func testZeroQuartersAreRefused() {
        XCTAssertThrows(TariffInputError.quartersNotPositive(quarters: 0),
                        try schedule.estimate(kWh: 100, on: june, occupancy: .declared(quarters: 0)))
    }

    func testNegativeQuartersAreRefused() {
        XCTAssertThrows(TariffInputError.quartersNotPositive(quarters: -4),
                        try schedule.estimate(kWh: 100, on: june, occupancy: .declared(quarters: -4)))
    }

    func testQuartersAboveTheMaximumAreRefused() {
        XCTAssertThrows(TariffInputError.tooManyQuarters(quarters: 40_001),
                        try schedule.estimate(kWh: 100, on: june, occupancy: .declared(quarters: 40_001)))
    }

    func testADayBeforeTheFirstTableIsRefused() {
        XCTAssertThrows(TariffInputError.dayBeforeFirstTable(day: day("2023-11-08"), firstTable: day("2023-11-09")),
                        try schedule.estimate(kWh: 100, on: day("2023-11-08"), occupancy: oneHousehold))
    }

    func testAPeriodStartingBeforeTheFirstTableIsRefused() {
        XCTAssertThrows(TariffInputError.dayBeforeFirstTable(day: day("2023-11-01"), firstTable: day("2023-11-09")),
                        try schedule.estimate(kWh: 100, from: day("2023-11-01"), through: day("2023-11-30"), occupancy: oneHousehold))
    }

    func testAPeriodEndingBeforeItStartsIsRefused() {
        XCTAssertThrows(TariffInputError.periodEndsBeforeStart(from: day("2025-06-30"), through: day("2025-06-01")),
                        try schedule.estimate(kWh: 100, from: day("2025-06-30"), through: day("2025-06-01"), occupancy: oneHousehold))
    }

    func testAPeriodLongerThanAYearIsRefused() {
        // 1 Jan 2025 through 2 Jan 2026: 365 + 2 = 367 days.
        XCTAssertThrows(TariffInputError.periodTooLong(days: 367),
                        try schedule.estimate(kWh: 100, from: day("2025-01-01"), through: day("2026-01-02"), occupancy: oneHousehold))
    }

    func testAPeriodEstimateChecksTheConsumptionToo() {
        XCTAssertThrows(TariffInputError.negativeConsumption(kWh: -5),
                        try schedule.estimate(kWh: -5, from: day("2025-06-01"), through: day("2025-06-30"), occupancy: oneHousehold))
    }

    func testUndeclaredOccupantsNeedNoQuarters() throws {
        XCTAssertNoThrow(try schedule.estimate(kWh: 100, on: june, occupancy: .undeclared))
    }

    func testEveryErrorHasItsOwnStableCode() {
        let codes = allErrors.map(\.code)
        XCTAssertEqual(codes, [
            "consumption.negative", "consumption.too_large", "households.not_positive", "households.too_many",
            "tariff.day_before_first_table", "period.ends_before_start", "period.too_long",
        ])
    }

    func testEveryErrorHasAVietnameseAndAnEnglishMessage() {
        for error in allErrors {
            XCTAssertFalse(error.vietnamese.isEmpty, error.code)
            XCTAssertFalse(error.english.isEmpty, error.code)
            XCTAssertNotEqual(error.vietnamese, error.english, error.code)
        }
    }

    func testTheVietnameseMessageWritesDaysTheVietnameseWay() {
        let error = TariffInputError.dayBeforeFirstTable(day: day("2023-11-08"), firstTable: day("2023-11-09"))
        XCTAssertEqual(error.vietnamese,
                       "Chưa có biểu giá điện cho ngày 08/11/2023; biểu giá sớm nhất áp dụng từ ngày 09/11/2023")
        XCTAssertEqual(error.english, "There is no tariff for 2023-11-08; the earliest applies from 2023-11-09")
    }

    private var allErrors: [TariffInputError] {
        [
            .negativeConsumption(kWh: -1), .consumptionTooLarge(kWh: 10_000_001),
            .quartersNotPositive(quarters: 0), .tooManyQuarters(quarters: 40_001),
            .dayBeforeFirstTable(day: day("2023-11-08"), firstTable: day("2023-11-09")),
            .periodEndsBeforeStart(from: day("2025-06-30"), through: day("2025-06-01")),
            .periodTooLong(days: 367),
        ]
    }
}
