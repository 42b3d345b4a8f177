import Foundation

/// One line of an estimate: the consumption billed at one tier's price.
public struct TierLine: Sendable, Hashable, Codable {
    /// The tier number in its table, from 1.
    public let tier: Int
    /// The kWh billed in this tier, exact.
    public let kWh: KilowattHours
    /// The tier's price in đồng per kWh, excluding VAT.
    public let price: Decimal
    /// `kWh × price`, rounded half up to whole đồng, excluding VAT.
    public let amount: Decimal

    /// - Parameters:
    ///   - tier: the tier number, from 1.
    ///   - kWh: the kWh billed in the tier.
    ///   - price: đồng per kWh, excluding VAT.
    ///   - amount: the line's amount in whole đồng.
    public init(tier: Int, kWh: KilowattHours, price: Decimal, amount: Decimal) {
        self.tier = tier
        self.kWh = kWh
        self.price = price
        self.amount = amount
    }
}
