import Foundation

/// The residential tariff in force from one day until the next table takes effect.
///
/// Prices change by ministerial decision several times a year and the tier structure
/// itself changes with Decision 14/2025/QĐ-TTg (six tiers become five), so a table is data:
/// any number of tiers, checked when it is built so that a wrong file stops the service
/// instead of mispricing bills.
public struct TariffTable: Sendable, Hashable {
    /// The largest tier bound a table may have. No residential tier comes near it; the cap
    /// keeps the exact arithmetic of an estimate (bounds × quarters × days) well inside
    /// 64-bit integers.
    public static let maximumBoundKWh = 1_000_000

    /// The tier whose price applies to a meter whose occupants are not declared, unless a
    /// table says otherwise: "tier 3" in Circular 16/2014/TT-BCT art. 10 as amended.
    public static let defaultUndeclaredOccupantsTier = 3

    /// The first day on which the table applies (it applies from 00:00 in Vietnam).
    public let effectiveFrom: TariffDay
    /// The tiers in order, each bound above the previous one, the last open-ended.
    public let tiers: [TariffTier]
    /// The tier number (1 = first) whose price is charged on all consumption when the
    /// occupants are not declared. Data, because the rule names a tier by number and a new
    /// tier structure may name another.
    public let undeclaredOccupantsTier: Int

    /// A table, checked.
    ///
    /// - Parameters:
    ///   - effectiveFrom: the first day the table applies.
    ///   - tiers: the tiers in order; every bound positive, at most ``maximumBoundKWh`` and
    ///     above the previous one, only the last open, no price negative.
    ///   - undeclaredOccupantsTier: the tier number priced on all consumption of a meter
    ///     whose occupants are not declared; one of the table's tiers.
    /// - Throws: ``TariffScheduleError`` naming the table and the tier at fault.
    public init(
        effectiveFrom: TariffDay,
        tiers: [TariffTier],
        undeclaredOccupantsTier: Int = TariffTable.defaultUndeclaredOccupantsTier
    ) throws(TariffScheduleError) {
        guard let last = tiers.last else { throw .noTiers(table: effectiveFrom) }
        var previousBound = 0
        for (index, tier) in tiers.enumerated() {
            let number = index + 1
            guard tier.price >= 0 else { throw .negativePrice(table: effectiveFrom, tier: number) }
            guard let bound = tier.upToKWh else {
                if number < tiers.count { throw .openTierBeforeLast(table: effectiveFrom, tier: number) }
                continue
            }
            guard bound > previousBound else { throw .boundsNotIncreasing(table: effectiveFrom, tier: number) }
            guard bound <= Self.maximumBoundKWh else { throw .boundTooLarge(table: effectiveFrom, tier: number) }
            previousBound = bound
        }
        guard last.upToKWh == nil else { throw .lastTierNotOpen(table: effectiveFrom) }
        guard tiers.indices.contains(undeclaredOccupantsTier - 1) else {
            throw .undeclaredOccupantsTierOutOfRange(table: effectiveFrom, tier: undeclaredOccupantsTier)
        }
        self.effectiveFrom = effectiveFrom
        self.tiers = tiers
        self.undeclaredOccupantsTier = undeclaredOccupantsTier
    }
}
