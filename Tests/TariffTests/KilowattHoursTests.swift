import Foundation
import Tariff
import Testing

/// Exact kWh quantities, kept in lowest terms so that equal quantities are equal values.
@Suite struct KilowattHoursTests {
    @Test func aFractionIsReducedToLowestTerms() {
        let quantity = KilowattHours(numerator: 450, denominator: 4)
        #expect(quantity.numerator == 225)
        #expect(quantity.denominator == 2)
    }

    @Test func zeroIsZeroOverOne() {
        #expect(KilowattHours(numerator: 0, denominator: 124) == KilowattHours(0))
        #expect(KilowattHours(numerator: 0, denominator: 124).denominator == 1)
    }

    @Test func decodingReducesToo() throws {
        let quantity = try JSONDecoder().decode(KilowattHours.self, from: Data(#"{"numerator":6,"denominator":4}"#.utf8))
        #expect(quantity == KilowattHours(numerator: 3, denominator: 2))
    }

    @Test func decodingRefusesANonPositiveDenominator() {
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(KilowattHours.self, from: Data(#"{"numerator":1,"denominator":0}"#.utf8))
        }
    }
}
