import Tariff
import Testing

/// Values an estimate cannot be made from; the service answers them with HTTP 422.
@Suite struct InputErrorTests {
    private let schedule = TariffSchedule.published
    private let june = day("2025-06-15")

    @Test func negativeConsumptionIsRefused() {
        #expect(throws: TariffInputError.negativeConsumption(kWh: -1)) {
            try schedule.estimate(kWh: -1, on: june, occupancy: oneHousehold)
        }
    }

    @Test func consumptionAboveTheMaximumIsRefused() {
        #expect(throws: TariffInputError.consumptionTooLarge(kWh: 10_000_001)) {
            try schedule.estimate(kWh: 10_000_001, on: june, occupancy: oneHousehold)
        }
    }

    @Test func theMaximumConsumptionIsAccepted() throws {
        // 1,074,500 + (10,000,000 − 400) × 3,460 = 1,074,500 + 34,598,616,000 = 34,599,690,500
        #expect(try schedule.estimate(kWh: 10_000_000, on: june, occupancy: oneHousehold).amountBeforeVAT
            == 34_599_690_500)
    }

    @Test func zeroQuartersAreRefused() {
        #expect(throws: TariffInputError.quartersNotPositive(quarters: 0)) {
            try schedule.estimate(kWh: 100, on: june, occupancy: .declared(quarters: 0))
        }
    }

    @Test func negativeQuartersAreRefused() {
        #expect(throws: TariffInputError.quartersNotPositive(quarters: -4)) {
            try schedule.estimate(kWh: 100, on: june, occupancy: .declared(quarters: -4))
        }
    }

    @Test func quartersAboveTheMaximumAreRefused() {
        #expect(throws: TariffInputError.tooManyQuarters(quarters: 40_001)) {
            try schedule.estimate(kWh: 100, on: june, occupancy: .declared(quarters: 40_001))
        }
    }

    @Test func aDayBeforeTheFirstTableIsRefused() {
        #expect(throws: TariffInputError.dayBeforeFirstTable(day: day("2023-11-08"), firstTable: day("2023-11-09"))) {
            try schedule.estimate(kWh: 100, on: day("2023-11-08"), occupancy: oneHousehold)
        }
    }

    @Test func aPeriodStartingBeforeTheFirstTableIsRefused() {
        #expect(throws: TariffInputError.dayBeforeFirstTable(day: day("2023-11-01"), firstTable: day("2023-11-09"))) {
            try schedule.estimate(kWh: 100, from: day("2023-11-01"), through: day("2023-11-30"), occupancy: oneHousehold)
        }
    }

    @Test func aPeriodEndingBeforeItStartsIsRefused() {
        #expect(throws: TariffInputError.periodEndsBeforeStart(from: day("2025-06-30"), through: day("2025-06-01"))) {
            try schedule.estimate(kWh: 100, from: day("2025-06-30"), through: day("2025-06-01"), occupancy: oneHousehold)
        }
    }

    @Test func aPeriodLongerThanAYearIsRefused() {
        // 1 Jan 2025 through 2 Jan 2026: 365 + 2 = 367 days.
        #expect(throws: TariffInputError.periodTooLong(days: 367)) {
            try schedule.estimate(kWh: 100, from: day("2025-01-01"), through: day("2026-01-02"), occupancy: oneHousehold)
        }
    }

    @Test func aPeriodEstimateChecksTheConsumptionToo() {
        #expect(throws: TariffInputError.negativeConsumption(kWh: -5)) {
            try schedule.estimate(kWh: -5, from: day("2025-06-01"), through: day("2025-06-30"), occupancy: oneHousehold)
        }
    }

    @Test func undeclaredOccupantsNeedNoQuarters() {
        #expect(throws: Never.self) { try schedule.estimate(kWh: 100, on: june, occupancy: .undeclared) }
    }

    @Test func everyErrorHasItsOwnStableCode() {
        #expect(allErrors.map(\.code) == [
            "consumption.negative", "consumption.too_large", "households.not_positive", "households.too_many",
            "tariff.day_before_first_table", "period.ends_before_start", "period.too_long",
        ])
    }

    @Test func everyErrorHasAVietnameseAndAnEnglishMessage() {
        for error in allErrors {
            #expect(!error.vietnamese.isEmpty, "\(error.code)")
            #expect(!error.english.isEmpty, "\(error.code)")
            #expect(error.vietnamese != error.english, "\(error.code)")
        }
    }

    @Test func theVietnameseMessageWritesDaysTheVietnameseWay() {
        let error = TariffInputError.dayBeforeFirstTable(day: day("2023-11-08"), firstTable: day("2023-11-09"))
        #expect(error.vietnamese
            == "Chưa có biểu giá điện cho ngày 08/11/2023; biểu giá sớm nhất áp dụng từ ngày 09/11/2023")
        #expect(error.english == "There is no tariff for 2023-11-08; the earliest applies from 2023-11-09")
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
