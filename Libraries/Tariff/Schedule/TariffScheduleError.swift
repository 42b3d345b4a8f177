/// Why a tariff document or a set of tables cannot become a schedule.
///
/// Read by the operator who deployed the file, in the start-up log, so each case names the
/// table (by its effective day) and the tier (numbered from 1, as the tariff numbers them)
/// at fault.
public enum TariffScheduleError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file could not be read.
    case unreadableFile(path: String, reason: String)
    /// The bytes are not JSON of the document's shape (a key missing, a number where a
    /// day is expected, a day that does not exist, …).
    case invalidDocument(reason: String)
    /// The document has no table at all.
    case noTables
    /// Two neighbouring tables are out of date order or take effect on the same day.
    case tablesNotInDateOrder(TariffDay, TariffDay)
    /// A table has no tiers.
    case noTiers(table: TariffDay)
    /// A tier's bound is not above the previous tier's (or, for tier 1, not above 0).
    case boundsNotIncreasing(table: TariffDay, tier: Int)
    /// A tier's bound is above ``TariffTable/maximumBoundKWh``.
    case boundTooLarge(table: TariffDay, tier: Int)
    /// A tier other than the last has no bound.
    case openTierBeforeLast(table: TariffDay, tier: Int)
    /// The last tier has a bound, so consumption above it would have no price.
    case lastTierNotOpen(table: TariffDay)
    /// A tier's price is below zero.
    case negativePrice(table: TariffDay, tier: Int)
    /// The tier named for undeclared occupants is not one of the table's tiers.
    case undeclaredOccupantsTierOutOfRange(table: TariffDay, tier: Int)
    /// The document gives an empty VAT list.
    case noVATRates
    /// Two neighbouring VAT rates are out of date order or take effect on the same day.
    case vatRatesNotInDateOrder(TariffDay, TariffDay)
    /// A VAT rate is below zero.
    case negativeVATPercent(rate: TariffDay)
    /// The first VAT rate takes effect after the first table, leaving days without a rate.
    case vatStartsAfterFirstTable(vat: TariffDay, table: TariffDay)

    public var description: String {
        switch self {
        case .unreadableFile(let path, let reason):
            "cannot read the tariff file \(path): \(reason)"
        case .invalidDocument(let reason):
            "the tariff document is not valid: \(reason)"
        case .noTables:
            "the tariff document has no table"
        case .tablesNotInDateOrder(let earlier, let later):
            "tariff table \(later) follows table \(earlier): tables must be in strictly increasing date order"
        case .noTiers(let table):
            "tariff table \(table) has no tiers"
        case .boundsNotIncreasing(let table, let tier):
            "tariff table \(table), tier \(tier): the bound must be above the previous tier's (tier 1: above 0)"
        case .boundTooLarge(let table, let tier):
            "tariff table \(table), tier \(tier): the bound is above \(TariffTable.maximumBoundKWh) kWh"
        case .openTierBeforeLast(let table, let tier):
            "tariff table \(table), tier \(tier): only the last tier may be open (no upToKWh)"
        case .lastTierNotOpen(let table):
            "tariff table \(table): the last tier must be open (no upToKWh)"
        case .negativePrice(let table, let tier):
            "tariff table \(table), tier \(tier): the price is negative"
        case .undeclaredOccupantsTierOutOfRange(let table, let tier):
            "tariff table \(table): undeclaredOccupantsTier \(tier) is not one of its tiers"
        case .noVATRates:
            "the tariff document has an empty VAT list"
        case .vatRatesNotInDateOrder(let earlier, let later):
            "VAT rate \(later) follows rate \(earlier): rates must be in strictly increasing date order"
        case .negativeVATPercent(let rate):
            "VAT rate \(rate) is negative"
        case .vatStartsAfterFirstTable(let vat, let table):
            "the first VAT rate takes effect on \(vat), after the first tariff table (\(table))"
        }
    }
}
