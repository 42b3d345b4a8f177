import Foundation

/// One step of a residential tariff: the price of every kWh above the previous step's bound
/// up to this one's.
///
/// Bounds are cumulative monthly consumption for one household, as the tariff publishes
/// them (tier 2 is "51–100 kWh", so its bound is 100); a meter shared by several households
/// multiplies them (see ``Occupancy``). The JSON form is `{"upToKWh": 100, "price": 2050}`,
/// and `{"price": 3460}` for the open-ended last tier.
public struct TariffTier: Sendable, Hashable, Codable {
    /// The highest monthly kWh billed at this tier's price, for one household; `nil` for the
    /// last tier, which takes everything above the previous bound.
    public let upToKWh: Int?
    /// The price in đồng per kWh, excluding VAT.
    public let price: Decimal

    /// - Parameters:
    ///   - upToKWh: the tier's upper bound in kWh per month, `nil` for the open last tier.
    ///   - price: đồng per kWh, excluding VAT.
    public init(upToKWh: Int?, price: Decimal) {
        self.upToKWh = upToKWh
        self.price = price
    }
}
