/// The fixed term of an electricity purchase contract, in whole months from the day it is
/// signed. Household contracts are open-ended (the corporation's model household contract has
/// no end date), so only temporary supply (a building site, a seasonal business) asks for one;
/// the product takes 1 to 60 months, since the legal sources name no term.
public struct ContractTerm: Sendable, Hashable {
    /// The terms a customer may ask for, in months.
    public static let allowedMonths = 1...60

    public let months: Int

    /// The term of `months` months, or nil when it is outside ``allowedMonths``.
    public init?(months: Int) {
        guard Self.allowedMonths.contains(months) else { return nil }
        self.months = months
    }
}
