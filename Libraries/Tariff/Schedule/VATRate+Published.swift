import Foundation

extension VATRate {
    /// The VAT rates electricity has been billed at since 2009, each with its legal basis.
    ///
    /// Every reduction so far has been a resolution of the National Assembly carried out by
    /// a government decree for a fixed term, and electricity has qualified each time; where
    /// one reduction follows another without a gap the rate stays 8 % and only the source
    /// changes:
    ///
    /// | from | % | source | until |
    /// |---|---|---|---|
    /// | 2009-01-01 | 10 | Law 13/2008/QH12 (standard rate) | |
    /// | 2022-02-01 | 8 | Decree 15/2022/NĐ-CP (Resolution 43/2022/QH15) | 2022-12-31 |
    /// | 2023-01-01 | 10 | Law 13/2008/QH12: the reduction ended | |
    /// | 2023-07-01 | 8 | Decree 44/2023/NĐ-CP (Resolution 101/2023/QH15) | 2023-12-31 |
    /// | 2024-01-01 | 8 | Decree 94/2023/NĐ-CP (Resolution 110/2023/QH15) | 2024-06-30 |
    /// | 2024-07-01 | 8 | Decree 72/2024/NĐ-CP (Resolution 142/2024/QH15) | 2024-12-31 |
    /// | 2025-01-01 | 8 | Decree 180/2024/NĐ-CP (Resolution 174/2024/QH15) | 2025-06-30 |
    /// | 2025-07-01 | 8 | Decree 174/2025/NĐ-CP (Resolution 204/2025/QH15) | 2026-12-31 |
    /// | 2027-01-01 | 10 | Law 48/2024/QH15 (standard rate) | |
    ///
    /// A reduction decided after these is added in the tariff file's `vat` list, which then
    /// replaces this one as a whole.
    public static let published: [VATRate] = [
        .standard,
        rate(2022, 2, 1, percent: 8, "Nghị định 15/2022/NĐ-CP (Nghị quyết 43/2022/QH15)"),
        rate(2023, 1, 1, percent: 10, "Luật Thuế giá trị gia tăng 13/2008/QH12 (hết thời hạn giảm thuế)"),
        rate(2023, 7, 1, percent: 8, "Nghị định 44/2023/NĐ-CP (Nghị quyết 101/2023/QH15)"),
        rate(2024, 1, 1, percent: 8, "Nghị định 94/2023/NĐ-CP (Nghị quyết 110/2023/QH15)"),
        rate(2024, 7, 1, percent: 8, "Nghị định 72/2024/NĐ-CP (Nghị quyết 142/2024/QH15)"),
        rate(2025, 1, 1, percent: 8, "Nghị định 180/2024/NĐ-CP (Nghị quyết 174/2024/QH15)"),
        rate(2025, 7, 1, percent: 8, "Nghị định 174/2025/NĐ-CP (Nghị quyết 204/2025/QH15)"),
        rate(2027, 1, 1, percent: 10, "Luật Thuế giá trị gia tăng 48/2024/QH15"),
    ]

    /// A built-in rate; the day is a literal of the table above, so it always exists.
    private static func rate(_ year: Int, _ month: Int, _ day: Int, percent: Decimal, _ source: String) -> VATRate {
        VATRate(effectiveFrom: TariffDay(year: year, month: month, day: day)!, percent: percent, source: source)
    }
}
