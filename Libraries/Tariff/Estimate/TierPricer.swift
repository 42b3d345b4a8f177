import Foundation

/// Prices a share of a reading under one table and one VAT rate.
///
/// A share is `partDays / periodDays` of the reading (1 / 1 for a month): its kWh and every
/// tier bound are scaled by it (bounds also by `quarters / 4`). All of it is counted in
/// whole units of `1 / (4 × periodDays)` kWh, so the consumption is `kWh × 4 × partDays`
/// units and a bound of `b` kWh is `b × quarters × partDays` units: exact integers, with
/// no rounding before the money.
struct TierPricer {
    let table: TariffTable
    let vat: VATRate

    /// The estimate for `partDays` of a `periodDays`-day reading of `kWh`.
    func estimate(kWh: Int, occupancy: Occupancy, partDays: Int, periodDays: Int) -> BillEstimate {
        let unitsPerKWh = 4 * periodDays
        let consumption = kWh * 4 * partDays
        var lines: [TierLine] = []
        switch occupancy {
        case .undeclared:
            if consumption > 0 {
                lines.append(line(tier: table.undeclaredOccupantsTier, units: consumption, unitsPerKWh: unitsPerKWh))
            }
        case .declared(let quarters):
            var billed = 0
            for (index, tier) in table.tiers.enumerated() where billed < consumption {
                let upper = tier.upToKWh.map { Swift.min($0 * quarters * partDays, consumption) } ?? consumption
                lines.append(line(tier: index + 1, units: upper - billed, unitsPerKWh: unitsPerKWh))
                billed = upper
            }
        }
        let amountBeforeVAT = lines.reduce(Decimal(0)) { $0 + $1.amount }
        let vatAmount = (amountBeforeVAT * vat.percent / 100).roundedToWholeDong
        return BillEstimate(
            tableEffectiveFrom: table.effectiveFrom,
            consumption: KilowattHours(numerator: consumption, denominator: unitsPerKWh),
            occupancy: occupancy,
            lines: lines,
            amountBeforeVAT: amountBeforeVAT,
            vatPercent: vat.percent,
            vatAmount: vatAmount,
            total: amountBeforeVAT + vatAmount)
    }

    private func line(tier: Int, units: Int, unitsPerKWh: Int) -> TierLine {
        let price = table.tiers[tier - 1].price
        return TierLine(
            tier: tier,
            kWh: KilowattHours(numerator: units, denominator: unitsPerKWh),
            price: price,
            amount: (Decimal(units) * price / Decimal(unitsPerKWh)).roundedToWholeDong)
    }
}
