extension TariffSchedule {
    /// The largest consumption an estimate takes, in kWh: far above any household's month,
    /// low enough to keep the exact arithmetic inside 64-bit integers.
    public static let maximumConsumptionKWh = 10_000_000

    /// The largest share of a meter an estimate takes, in quarters (10,000 households or
    /// registered persons), for the same reason.
    public static let maximumQuarters = 40_000

    /// The longest reading period a period estimate takes, in days. A reading period is
    /// about a month and its consumption is priced against monthly bounds; a year is
    /// the most that could make sense.
    public static let maximumPeriodDays = 366

    /// The estimate of one month's consumption priced by the table in force on `day`.
    ///
    /// With declared occupants every tier bound is multiplied by `quarters / 4` and the
    /// consumption fills the tiers in order; with undeclared ones all of it pays the price
    /// of the table's ``TariffTable/undeclaredOccupantsTier``. See ``BillEstimate`` for the
    /// rounding.
    ///
    /// - Parameters:
    ///   - kWh: the month's consumption, 0 through ``maximumConsumptionKWh``.
    ///   - day: the day whose table and VAT rate apply (today in Vietnam, for the portal).
    ///   - occupancy: who is declared on the meter; a declared share of 1 through
    ///     ``maximumQuarters`` quarters.
    /// - Throws: ``TariffInputError`` for a value out of range or a day before every table.
    public func estimate(kWh: Int, on day: TariffDay, occupancy: Occupancy) throws(TariffInputError) -> BillEstimate {
        try Self.check(kWh: kWh, occupancy: occupancy)
        return TierPricer(table: try table(on: day), vat: vatRate(on: day))
            .estimate(kWh: kWh, occupancy: occupancy, partDays: 1, periodDays: 1)
    }

    /// The estimate of a reading period's consumption when the period may span a change
    /// of table or of VAT rate.
    ///
    /// The period runs from `from` through `through`, both counted, as a bill prints it
    /// ("từ 25/04 đến 24/05": 30 days); it is cut at every day in it on which a table takes
    /// effect or the VAT percent changes (a decree that extends a reduction at the same
    /// percent does not cut it). A part of `n` of the period's `N` days gets exactly
    /// `kWh × n / N` of the reading, and every tier bound of its table, after the
    /// `quarters / 4` of a shared meter, times `n / N`; the part is then priced like a
    /// month (``estimate(kWh:on:occupancy:)``), lines and VAT rounded within the part, and
    /// the period's amounts are the sums of the parts'. No kWh is rounded, so the parts'
    /// shares add up to the reading exactly.
    ///
    /// - Parameters:
    ///   - kWh: the consumption over the period, 0 through ``maximumConsumptionKWh``.
    ///   - from: the period's first day, on or after the first table.
    ///   - through: the period's last day, not before `from`, at most
    ///     ``maximumPeriodDays`` days on.
    ///   - occupancy: who is declared on the meter.
    /// - Throws: ``TariffInputError`` for a value out of range, a reversed or too long
    ///   period, or a first day before every table.
    public func estimate(
        kWh: Int, from: TariffDay, through: TariffDay, occupancy: Occupancy
    ) throws(TariffInputError) -> PeriodEstimate {
        try Self.check(kWh: kWh, occupancy: occupancy)
        guard from <= through else { throw .periodEndsBeforeStart(from: from, through: through) }
        let periodDays = from.daysThrough(through)
        guard periodDays <= Self.maximumPeriodDays else { throw .periodTooLong(days: periodDays) }
        let changes = Set(tables.map(\.effectiveFrom) + vatChanges)
            .filter { $0 > from && $0 <= through }
            .sorted()
        var parts: [PeriodPart] = []
        for (start, end) in zip([from] + changes, changes.map(\.previous) + [through]) {
            let days = start.daysThrough(end)
            let pricer = TierPricer(table: try table(on: start), vat: vatRate(on: start))
            parts.append(PeriodPart(
                from: start, through: end, days: days,
                estimate: pricer.estimate(kWh: kWh, occupancy: occupancy, partDays: days, periodDays: periodDays)))
        }
        return PeriodEstimate(
            from: from, through: through, days: periodDays, consumption: KilowattHours(kWh), parts: parts)
    }

    private static func check(kWh: Int, occupancy: Occupancy) throws(TariffInputError) {
        guard kWh >= 0 else { throw .negativeConsumption(kWh: kWh) }
        guard kWh <= maximumConsumptionKWh else { throw .consumptionTooLarge(kWh: kWh) }
        if case .declared(let quarters) = occupancy {
            guard quarters > 0 else { throw .quartersNotPositive(quarters: quarters) }
            guard quarters <= maximumQuarters else { throw .tooManyQuarters(quarters: quarters) }
        }
    }
}
