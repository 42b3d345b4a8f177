import Foundation
import Tariff
import Testing

/// The estimate as a service answers it: JSON that a client can read and decode back.
@Suite struct EstimateJSONTests {
    private func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    @Test func anEstimateEncodesEveryFigureAsANumberAndTheDayAsText() throws {
        let bill = try TariffSchedule.published.estimate(kWh: 51, on: day("2025-06-15"), occupancy: oneHousehold)
        // 50 × 1,984 + 1 × 2,050 = 101,250; VAT 8 % (Decree 180/2024/NĐ-CP) = 8,100;
        // total 109,350.
        #expect(try json(bill) == #"""
            {"amountBeforeVAT":101250,"consumption":{"denominator":1,"numerator":51},\#
            "lines":[{"amount":99200,"kWh":{"denominator":1,"numerator":50},"price":1984,"tier":1},\#
            {"amount":2050,"kWh":{"denominator":1,"numerator":1},"price":2050,"tier":2}],\#
            "occupancy":{"declared":true,"quarters":4},"tableEffectiveFrom":"2025-05-10",\#
            "total":109350,"vatAmount":8100,"vatPercent":8}
            """#)
    }

    @Test func anEstimateDecodesBackToItself() throws {
        let bill = try TariffSchedule.published.estimate(kWh: 300, on: day("2025-06-15"), occupancy: .declared(quarters: 9))
        #expect(try JSONDecoder().decode(BillEstimate.self, from: JSONEncoder().encode(bill)) == bill)
    }

    @Test func aPeriodEstimateDecodesBackToItself() throws {
        let period = try TariffSchedule.published.estimate(
            kWh: 100, from: day("2025-05-01"), through: day("2025-05-31"), occupancy: .undeclared)
        #expect(try JSONDecoder().decode(PeriodEstimate.self, from: JSONEncoder().encode(period)) == period)
    }

    @Test func undeclaredOccupantsEncodeWithoutQuarters() throws {
        #expect(try json(Occupancy.undeclared) == #"{"declared":false}"#)
        #expect(try JSONDecoder().decode(Occupancy.self, from: Data(#"{"declared":false}"#.utf8)) == .undeclared)
    }

    @Test func declaredOccupantsDecodeWithTheirQuarters() throws {
        #expect(try JSONDecoder().decode(Occupancy.self, from: Data(#"{"declared":true,"quarters":9}"#.utf8))
            == .declared(quarters: 9))
    }
}
