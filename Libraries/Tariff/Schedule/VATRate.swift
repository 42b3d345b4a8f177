import Foundation

/// The VAT rate charged on electricity from one day until the next rate takes effect.
///
/// The standard rate is 10 %, but the National Assembly has repeatedly cut it to 8 % for a
/// few months at a time, and whether electricity qualifies is decided each time, so the
/// rate is dated data like the tariff. JSON form: `{"effectiveFrom": "2025-07-01",
/// "percent": 8}`.
public struct VATRate: Sendable, Hashable, Codable {
    /// The first day the rate applies.
    public let effectiveFrom: TariffDay
    /// The rate in percent of the amount before VAT, e.g. 10.
    public let percent: Decimal

    /// - Parameters:
    ///   - effectiveFrom: the first day the rate applies.
    ///   - percent: the rate in percent, not negative.
    public init(effectiveFrom: TariffDay, percent: Decimal) {
        self.effectiveFrom = effectiveFrom
        self.percent = percent
    }

    /// The standard rate of 10 % of the Law on VAT 13/2008/QH12 (in force from 1 January
    /// 2009, kept by Law 48/2024/QH15), the only rate built in. Temporary reductions are
    /// not: operators add them in the tariff file when a resolution extends them to
    /// electricity.
    public static let standard = VATRate(effectiveFrom: TariffDay(year: 2009, month: 1, day: 1)!, percent: 10)
}
