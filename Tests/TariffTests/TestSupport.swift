import Foundation
import Tariff

/// `"YYYY-MM-DD"` → day; the tests write days as on a calendar page.
func day(_ text: String) -> TariffDay {
    guard let value = TariffDay(text) else { fatalError("bad test day \(text)") }
    return value
}

/// `numerator / denominator` kWh, the way the tests write a share of a tier.
func kWh(_ numerator: Int, per denominator: Int = 1) -> KilowattHours {
    KilowattHours(numerator: numerator, denominator: denominator)
}

/// One household on the meter: 4 quarters of an allowance.
let oneHousehold = Occupancy.declared(quarters: 4)

/// The published tables with the standard 10 % on every day, for tests of the rounding
/// and splitting arithmetic: their worked amounts stay true whatever VAT reduction is
/// decided next, while the published rates have tests of their own.
let publishedTablesAtTheStandardRate: TariffSchedule = {
    do {
        return try TariffSchedule(tables: TariffSchedule.published.tables, vatRates: [.standard])
    } catch {
        fatalError("the published tables do not make a schedule: \(error)")
    }
}()

/// The tariff document with `tables` and, when given, `vat` (JSON text of the arrays).
func document(tables: String, vat: String? = nil) -> Data {
    Data((vat.map { #"{"tables": \#(tables), "vat": \#($0)}"# } ?? #"{"tables": \#(tables)}"#).utf8)
}

/// The six tiers of the 2025-05-10 table as document JSON.
let tiers2025 = """
    [{"upToKWh": 50, "price": 1984}, {"upToKWh": 100, "price": 2050}, {"upToKWh": 200, "price": 2380},
     {"upToKWh": 300, "price": 2998}, {"upToKWh": 400, "price": 3350}, {"price": 3460}]
    """
