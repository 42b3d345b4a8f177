import Foundation

/// What a month's consumption costs under one table and one VAT rate, line by line.
///
/// The portal shows it to a customer and staff use it to re-price a shared meter, so it
/// carries everything needed to check it by hand: which table, which occupancy, each tier
/// line, the VAT rate used. Money is whole đồng: each line is rounded half up, the amount
/// before VAT is the sum of the rounded lines (so the lines add up as printed), the VAT is
/// that sum times the rate, rounded half up, and the total is their sum.
public struct BillEstimate: Sendable, Hashable, Codable {
    /// The ``TariffTable/effectiveFrom`` day of the table that priced the consumption.
    public let tableEffectiveFrom: TariffDay
    /// The consumption priced, exact (a share of a reading in a ``PeriodPart``).
    public let consumption: KilowattHours
    /// The occupancy the bounds were set for.
    public let occupancy: Occupancy
    /// The tiers that hold consumption, in tier order; empty for no consumption.
    public let lines: [TierLine]
    /// The sum of the lines' amounts, in đồng.
    public let amountBeforeVAT: Decimal
    /// The VAT rate used, in percent.
    public let vatPercent: Decimal
    /// `amountBeforeVAT × vatPercent / 100`, rounded half up to whole đồng.
    public let vatAmount: Decimal
    /// `amountBeforeVAT + vatAmount`, in đồng.
    public let total: Decimal

    /// An estimate from its parts; the amounts are taken as given.
    public init(
        tableEffectiveFrom: TariffDay, consumption: KilowattHours, occupancy: Occupancy, lines: [TierLine],
        amountBeforeVAT: Decimal, vatPercent: Decimal, vatAmount: Decimal, total: Decimal
    ) {
        self.tableEffectiveFrom = tableEffectiveFrom
        self.consumption = consumption
        self.occupancy = occupancy
        self.lines = lines
        self.amountBeforeVAT = amountBeforeVAT
        self.vatPercent = vatPercent
        self.vatAmount = vatAmount
        self.total = total
    }
}
