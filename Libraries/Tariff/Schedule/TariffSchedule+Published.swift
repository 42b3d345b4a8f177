import Foundation

extension TariffSchedule {
    /// The residential tables published since November 2023, with the VAT rates published
    /// since 2009 (``VATRate/published``: 8 % from July 2023 through 2026).
    ///
    /// All three have the six tiers 0–50 / 51–100 / 101–200 / 201–300 / 301–400 / 401+ kWh
    /// and charge tier 3 to undeclared occupants:
    ///
    /// | from | prices (đồng/kWh, excluding VAT) |
    /// |---|---|
    /// | 2023-11-09 | 1,806 / 1,866 / 2,167 / 2,729 / 3,050 / 3,151 |
    /// | 2024-10-11 | 1,893 / 1,956 / 2,271 / 2,860 / 3,197 / 3,302 |
    /// | 2025-05-10 | 1,984 / 2,050 / 2,380 / 2,998 / 3,350 / 3,460 |
    ///
    /// The five-tier structure of Decision 14/2025/QĐ-TTg is not built in: its prices come
    /// with a later decision, and operators add that table to the tariff file.
    public static let published: TariffSchedule = {
        do {
            return try TariffSchedule(tables: [
                sixTierTable(from: TariffDay(year: 2023, month: 11, day: 9)!,
                             prices: [1806, 1866, 2167, 2729, 3050, 3151]),
                sixTierTable(from: TariffDay(year: 2024, month: 10, day: 11)!,
                             prices: [1893, 1956, 2271, 2860, 3197, 3302]),
                sixTierTable(from: TariffDay(year: 2025, month: 5, day: 10)!,
                             prices: [1984, 2050, 2380, 2998, 3350, 3460]),
            ], vatRates: VATRate.published)
        } catch {
            preconditionFailure("the built-in tariff is invalid: \(error)")
        }
    }()

    /// A table of the six-tier structure in force since 2009, with these prices.
    private static func sixTierTable(from day: TariffDay, prices: [Decimal]) throws(TariffScheduleError) -> TariffTable {
        let bounds: [Int?] = [50, 100, 200, 300, 400, nil]
        return try TariffTable(
            effectiveFrom: day,
            tiers: zip(bounds, prices).map { TariffTier(upToKWh: $0, price: $1) })
    }
}
