import Foundation

extension Decimal {
    /// The amount rounded to whole đồng, halves up (amounts are never negative), the
    /// rounding of a Vietnamese invoice's amounts.
    var roundedToWholeDong: Decimal {
        var value = self
        var rounded = Decimal()
        NSDecimalRound(&rounded, &value, 0, .plain)
        return rounded
    }
}
