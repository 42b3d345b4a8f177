import Foundation
import Tariff
import XCTest

/// The estimate as a service answers it: JSON that a client can read and decode back.
final class EstimateJSONTests: XCTestCase {
    private func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    func testAnEstimateEncodesEveryFigureAsANumberAndTheDayAsText() throws {
        let bill = try TariffSchedule.published.estimate(kWh: 51, on: day("2025-06-15"), occupancy: oneHousehold)
        XCTAssertEqual(try json(bill), #"""
            {"amountBeforeVAT":101250,"consumption":{"denominator":1,"numerator":51},\#
            "lines":[{"amount":99200,"kWh":{"denominator":1,"numerator":50},"price":1984,"tier":1},\#
            {"amount":2050,"kWh":{"denominator":1,"numerator":1},"price":2050,"tier":2}],\#
            "occupancy":{"declared":true,"quarters":4},"tableEffectiveFrom":"2025-05-10",\#
            "total":111375,"vatAmount":10125,"vatPercent":10}
            """#)
    }

    func testAnEstimateDecodesBackToItself() throws {
        let bill = try TariffSchedule.published.estimate(kWh: 300, on: day("2025-06-15"), occupancy: .declared(quarters: 9))
        XCTAssertEqual(try JSONDecoder().decode(BillEstimate.self, from: JSONEncoder().encode(bill)), bill)
    }

    func testAPeriodEstimateDecodesBackToItself() throws {
        let period = try TariffSchedule.published.estimate(
            kWh: 100, from: day("2025-05-01"), through: day("2025-05-31"), occupancy: .undeclared)
        XCTAssertEqual(try JSONDecoder().decode(PeriodEstimate.self, from: JSONEncoder().encode(period)), period)
    }

    func testUndeclaredOccupantsEncodeWithoutQuarters() throws {
        XCTAssertEqual(try json(Occupancy.undeclared), #"{"declared":false}"#)
        XCTAssertEqual(try JSONDecoder().decode(Occupancy.self, from: Data(#"{"declared":false}"#.utf8)), .undeclared)
    }

    func testDeclaredOccupantsDecodeWithTheirQuarters() throws {
        XCTAssertEqual(try JSONDecoder().decode(Occupancy.self, from: Data(#"{"declared":true,"quarters":9}"#.utf8)),
                       .declared(quarters: 9))
    }
}
