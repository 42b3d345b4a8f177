import Foundation

/// What a reading period's consumption costs when the period spans a change of price or of
/// VAT rate: one priced part per table and rate, and their sums.
public struct PeriodEstimate: Sendable, Hashable, Codable {
    /// The period's first day.
    public let from: TariffDay
    /// The period's last day (counted).
    public let through: TariffDay
    /// The days from `from` through `through`, both counted.
    public let days: Int
    /// The reading: kWh consumed over the whole period.
    public let consumption: KilowattHours
    /// The parts in date order; one when nothing changes during the period.
    public let parts: [PeriodPart]
    /// The sum of the parts' amounts before VAT, in đồng.
    public let amountBeforeVAT: Decimal
    /// The sum of the parts' VAT amounts, in đồng.
    public let vatAmount: Decimal
    /// The sum of the parts' totals, in đồng.
    public let total: Decimal

    /// A period estimate from its parts; the sums are computed here.
    public init(from: TariffDay, through: TariffDay, days: Int, consumption: KilowattHours, parts: [PeriodPart]) {
        self.from = from
        self.through = through
        self.days = days
        self.consumption = consumption
        self.parts = parts
        amountBeforeVAT = parts.reduce(0) { $0 + $1.estimate.amountBeforeVAT }
        vatAmount = parts.reduce(0) { $0 + $1.estimate.vatAmount }
        total = parts.reduce(0) { $0 + $1.estimate.total }
    }
}
