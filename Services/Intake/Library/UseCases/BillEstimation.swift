import Foundation
import ServiceKit
import Tariff
import VietnameseIdentity
import WorkingCalendar

/// The residential bill estimate customers look up, from the dated tariff tables: the API's
/// query and the portal's form alike.
///
/// `households` (default 1) are whole households on the meter; `tenants` (default 0) are
/// registered persons of tenant or collective housing, a quarter of an allowance each;
/// `declared=false` prices everything at tier 3 (occupants not declared). `day` (default today
/// in Vietnam) picks the table; `from` and `through` estimate a reading period instead, split
/// by days where a price changes.
struct BillEstimation: Sendable {
    let tariffs: TariffSchedule
    let clock: WallClock

    /// What an estimate asks, checked: the API's query and the portal's form alike.
    struct Query: Sendable {
        var kWh: Int
        var occupancy: Occupancy
        var day: TariffDay?
        var period: (from: TariffDay, through: TariffDay)?
    }

    /// An estimate of one month's table, or of a reading period across a price change.
    enum Answer: Sendable {
        case month(BillEstimate)
        case period(PeriodEstimate)
    }

    static let kWh = FieldDeclaration<Int>.required("kWh", .wholeNumber, "Consumption of the month or the period.")
    static let households = FieldDeclaration<Int>.optional("households", .wholeNumber, "Whole households on the meter (default 1).")
    static let tenants = FieldDeclaration<Int>.optional(
        "tenants", .wholeNumber, "Registered persons of tenant housing, a quarter of an allowance each (default 0).")
    static let declared = FieldDeclaration<Bool>.optional(
        "declared", .flag, "false: occupants not declared, everything at tier 3 (default true).")
    static let day = FieldDeclaration<TariffDay>.optional("day", tariffDay, "The day whose tables apply, YYYY-MM-DD (default today).")
    static let from = FieldDeclaration<TariffDay>.optional("from", tariffDay, "A reading period's first day (with through).")
    static let through = FieldDeclaration<TariffDay>.optional("through", tariffDay, "A reading period's last day (with from).")
    private static let tariffDay = FieldFormat<TariffDay>.day { (text: String) -> TariffDay? in TariffDay(text) }

    /// The query `parameter` gives, or every field problem at once.
    static func query(_ parameter: (String) -> String?) -> Result<Query, LookupRefusal> {
        var validation = Validation()
        func value<Value>(_ field: FieldDeclaration<Value>) -> Value? {
            validation.check(field, parameter(field.name))
        }
        let kWh = value(Self.kWh)
        let households = value(Self.households) ?? 1
        let tenants = value(Self.tenants) ?? 0
        let declared = value(Self.declared) ?? true
        let day = value(Self.day)
        let from = value(Self.from)
        let through = value(Self.through)
        if (from == nil) != (through == nil) {
            validation.add(MissingValue(), at: from == nil ? Self.from.name : Self.through.name)
        }
        let occupancy: Occupancy = declared ? .declared(quarters: Self.quarters(households: households, tenants: tenants)) : .undeclared
        do throws(ValidationFailure) {
            return .success(try validation.finish {
                kWh.map { Query(kWh: $0, occupancy: occupancy, day: day, period: from.flatMap { from in through.map { (from, $0) } }) }
            })
        } catch {
            return .failure(.invalid(error.errors))
        }
    }

    /// The allowance quarters of `households` whole households and `tenants` registered tenants. A
    /// count too large for an `Int` once multiplied (a client may send any number of digits) stays
    /// the largest `Int`, which the tables refuse as too many households, at the households field.
    private static func quarters(households: Int, tenants: Int) -> Int {
        let (whole, overflowed) = households.multipliedReportingOverflow(by: 4)
        let (total, overflowedAgain) = whole.addingReportingOverflow(tenants)
        return overflowed || overflowedAgain ? .max : total
    }

    /// The estimate of `query`, on today's table (Vietnam) unless it names a day or a period;
    /// refused at its field for consumption or households the tables refuse.
    func estimate(_ query: Query) -> Result<Answer, LookupRefusal> {
        do throws(TariffInputError) {
            if let period = query.period {
                return .success(.period(try tariffs.estimate(kWh: query.kWh, from: period.from, through: period.through,
                                                             occupancy: query.occupancy)))
            }
            let today = TariffDay(CalendarDay(clock.now()).description)!
            return .success(.month(try tariffs.estimate(kWh: query.kWh, on: query.day ?? today, occupancy: query.occupancy)))
        } catch {
            return .failure(.invalid([FieldError(field: Self.field(of: error), code: error.code,
                                                 message: LocalizedMessage(vi: error.vietnamese, en: error.english))]))
        }
    }

    /// The query parameter a tariff input error is about.
    private static func field(of error: TariffInputError) -> String {
        switch error {
        case .negativeConsumption, .consumptionTooLarge: "kWh"
        case .quartersNotPositive, .tooManyQuarters: "households"
        case .dayBeforeFirstTable: "day"
        case .periodEndsBeforeStart, .periodTooLong: "through"
        }
    }
}
