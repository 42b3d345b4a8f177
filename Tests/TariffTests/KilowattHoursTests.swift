import Foundation
import Tariff
import XCTest

/// Exact kWh quantities, kept in lowest terms so that equal quantities are equal values.
final class KilowattHoursTests: XCTestCase {
    func testAFractionIsReducedToLowestTerms() {
        let quantity = KilowattHours(numerator: 450, denominator: 4)
        XCTAssertEqual(quantity.numerator, 225)
        XCTAssertEqual(quantity.denominator, 2)
    }

    func testZeroIsZeroOverOne() {
        XCTAssertEqual(KilowattHours(numerator: 0, denominator: 124), KilowattHours(0))
        XCTAssertEqual(KilowattHours(numerator: 0, denominator: 124).denominator, 1)
    }

    func testDecodingReducesToo() throws {
        let quantity = try JSONDecoder().decode(KilowattHours.self, from: Data(#"{"numerator":6,"denominator":4}"#.utf8))
        XCTAssertEqual(quantity, KilowattHours(numerator: 3, denominator: 2))
    }

    func testDecodingRefusesANonPositiveDenominator() {
        XCTAssertThrowsError(try JSONDecoder().decode(KilowattHours.self, from: Data(#"{"numerator":1,"denominator":0}"#.utf8)))
    }
}
