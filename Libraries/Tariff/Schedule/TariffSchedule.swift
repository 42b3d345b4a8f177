import Foundation

/// Every residential tariff table and VAT rate over time: the authority on what a kWh
/// cost on a given day.
///
/// A bill estimate on the portal and the re-pricing of a shared meter both ask "which
/// table, which VAT rate on that day", so the dated lists live in one value, checked once
/// when it is built. The built-in data is ``published``; operators replace it with a file
/// (``load(file:)``) when a new decision is published, without a release. Nothing here
/// reads the clock or the disk except ``load(file:)``.
public struct TariffSchedule: Sendable, Hashable {
    /// The tables, by strictly increasing ``TariffTable/effectiveFrom``.
    public let tables: [TariffTable]
    /// The VAT rates, by strictly increasing ``VATRate/effectiveFrom``; the first in force on
    /// or before the first table's day, so every day that has a table has a rate.
    public let vatRates: [VATRate]

    /// A schedule, checked.
    ///
    /// - Parameters:
    ///   - tables: at least one table, in strictly increasing date order.
    ///   - vatRates: at least one rate, in strictly increasing date order, none negative,
    ///     the first in force by the first table's day; by default the rates published
    ///     since 2009 (``VATRate/published``).
    /// - Throws: ``TariffScheduleError`` for the first problem found.
    public init(tables: [TariffTable], vatRates: [VATRate] = VATRate.published) throws(TariffScheduleError) {
        guard let firstTable = tables.first else { throw .noTables }
        for (earlier, later) in zip(tables, tables.dropFirst()) where earlier.effectiveFrom >= later.effectiveFrom {
            throw .tablesNotInDateOrder(earlier.effectiveFrom, later.effectiveFrom)
        }
        guard let firstRate = vatRates.first else { throw .noVATRates }
        for (earlier, later) in zip(vatRates, vatRates.dropFirst()) where earlier.effectiveFrom >= later.effectiveFrom {
            throw .vatRatesNotInDateOrder(earlier.effectiveFrom, later.effectiveFrom)
        }
        if let negative = vatRates.first(where: { $0.percent < 0 }) {
            throw .negativeVATPercent(rate: negative.effectiveFrom)
        }
        guard firstRate.effectiveFrom <= firstTable.effectiveFrom else {
            throw .vatStartsAfterFirstTable(vat: firstRate.effectiveFrom, table: firstTable.effectiveFrom)
        }
        self.tables = tables
        self.vatRates = vatRates
    }

    /// The table in force on `day`: the last one that took effect on or before it.
    ///
    /// - Throws: ``TariffInputError/dayBeforeFirstTable(day:firstTable:)`` for a day before
    ///   every table, which the schedule cannot price.
    public func table(on day: TariffDay) throws(TariffInputError) -> TariffTable {
        guard let table = tables.last(where: { $0.effectiveFrom <= day }) else {
            throw .dayBeforeFirstTable(day: day, firstTable: tables[0].effectiveFrom)
        }
        return table
    }

    /// The VAT rate in force on `day`, a day on or after the first table (the initializer
    /// guarantees a rate for every such day).
    func vatRate(on day: TariffDay) -> VATRate {
        vatRates.last(where: { $0.effectiveFrom <= day }) ?? vatRates[0]
    }

    /// The days on which the VAT percent differs from the day before's. A decree that
    /// extends a reduction takes effect without changing what a kWh costs, so its day is
    /// not among them.
    var vatChanges: [TariffDay] {
        zip(vatRates, vatRates.dropFirst()).filter { $0.percent != $1.percent }.map(\.1.effectiveFrom)
    }
}
