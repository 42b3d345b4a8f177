/// The days of a reading period under one table and one VAT rate, and their share of the
/// reading, priced.
public struct PeriodPart: Sendable, Hashable, Codable {
    /// The part's first day.
    public let from: TariffDay
    /// The part's last day (counted).
    public let through: TariffDay
    /// The days from `from` through `through`, both counted.
    public let days: Int
    /// The part's share of the reading (`days / period days` of the kWh, with every tier
    /// bound scaled by the same share), priced.
    public let estimate: BillEstimate

    /// - Parameters:
    ///   - from: the first day.
    ///   - through: the last day.
    ///   - days: the days counted.
    ///   - estimate: the priced share.
    public init(from: TariffDay, through: TariffDay, days: Int, estimate: BillEstimate) {
        self.from = from
        self.through = through
        self.days = days
        self.estimate = estimate
    }
}
