import Foundation

/// The VAT rate charged on electricity from one day until the next rate takes effect.
///
/// The standard rate is 10 %, but the National Assembly has repeatedly cut it to 8 % for a
/// few months at a time, and whether electricity qualifies is decided each time, so the
/// rate is dated data like the tariff, and carries the legal text it rests on so that
/// whoever reads an estimate can check the rate. The periods published so far are built in
/// (``published``). JSON form: `{"effectiveFrom": "2025-07-01", "percent": 8,
/// "source": "Nghị định 174/2025/NĐ-CP (Nghị quyết 204/2025/QH15)"}`, `source` optional.
public struct VATRate: Sendable, Hashable, Codable {
    /// The first day the rate applies.
    public let effectiveFrom: TariffDay
    /// The rate in percent of the amount before VAT, e.g. 10.
    public let percent: Decimal
    /// The legal basis of the rate, as a Vietnamese reader cites it (the decree and the
    /// resolution it carries out); `nil` when the tariff document does not say.
    public let source: String?

    /// - Parameters:
    ///   - effectiveFrom: the first day the rate applies.
    ///   - percent: the rate in percent, not negative.
    ///   - source: the legal basis, if known.
    public init(effectiveFrom: TariffDay, percent: Decimal, source: String? = nil) {
        self.effectiveFrom = effectiveFrom
        self.percent = percent
        self.source = source
    }

    /// The standard rate of 10 % of the Law on VAT 13/2008/QH12, in force from 1 January
    /// 2009: the first of the ``published`` rates.
    public static let standard = VATRate(
        effectiveFrom: TariffDay(year: 2009, month: 1, day: 1)!, percent: 10,
        source: "Luật Thuế giá trị gia tăng 13/2008/QH12")
}
