import Foundation
import Hummingbird
import ServiceKit
import Tariff
import VietnameseIdentity
import WorkingCalendar

/// `GET /api/v1/tariff/estimate?kWh=350[&households=2][&tenants=3][&declared=false][&day=|&from=&through=]`:
/// the residential bill estimate customers look up, from the dated tariff tables.
///
/// `households` (default 1) are whole households on the meter; `tenants` (default 0) are
/// registered persons of tenant or collective housing, a quarter of an allowance each;
/// `declared=false` prices everything at tier 3 (occupants not declared). `day` (default today
/// in Vietnam) picks the table; `from` and `through` estimate a reading period instead, split
/// by days where a price changes. Answers 200 with the estimate; 422 with every field error; 429
/// with `Retry-After` over the client's allowance (``AbuseLimits``).
struct TariffEstimateEndpoint: Sendable {
    static let path = "api/v1/tariff/estimate"

    let tariffs: TariffSchedule
    let limits: AbuseLimits
    let clock: WallClock

    func register(on router: Router<ServiceRequestContext>) {
        router.get(RouterPath(Self.path)) { request, context in
            try limits.admit(.lookup, request, context)
            return try estimate(request)
        }
    }

    func estimate(_ request: Request) throws -> Response {
        let query = try Self.query { request.uri.queryParameters.get($0) }
        return switch try estimate(query) {
        case .month(let estimate): try Response.json(estimate)
        case .period(let estimate): try Response.json(estimate)
        }
    }

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

    /// The query `parameter` gives, every field error at once.
    ///
    /// - Throws: ``APIError`` 422.
    static func query(_ parameter: (String) -> String?) throws -> Query {
        var validation = Validation()
        let kWh = validation.required("kWh", parameter("kWh"), Self.count)
        let households = validation.optional("households", parameter("households"), Self.count) ?? 1
        let tenants = validation.optional("tenants", parameter("tenants"), Self.count) ?? 0
        let declared = validation.optional("declared", parameter("declared")) { (text: String) throws(IntakeProblem) in
            switch text { case "true": true; case "false": false; default: throw .invalidChoice(allowed: ["true", "false"]) }
        } ?? true
        let day = validation.optional("day", parameter("day"), Self.day)
        let from = validation.optional("from", parameter("from"), Self.day)
        let through = validation.optional("through", parameter("through"), Self.day)
        if (from == nil) != (through == nil) { validation.add(MissingValue(), at: from == nil ? "from" : "through") }
        do { try validation.finish() } catch { throw APIError.invalid(error) }
        let occupancy: Occupancy = declared ? .declared(quarters: households * 4 + tenants) : .undeclared
        return Query(kWh: kWh!, occupancy: occupancy, day: day, period: from.flatMap { from in through.map { (from, $0) } })
    }

    /// The estimate of `query`, on today's table (Vietnam) unless it names a day or a period.
    ///
    /// - Throws: ``APIError`` 422 for consumption or households the tables refuse.
    func estimate(_ query: Query) throws -> Answer {
        do {
            if let period = query.period {
                return .period(try tariffs.estimate(kWh: query.kWh, from: period.from, through: period.through,
                                                    occupancy: query.occupancy))
            }
            let today = TariffDay(CalendarDay(clock.now()).description)!
            return .month(try tariffs.estimate(kWh: query.kWh, on: query.day ?? today, occupancy: query.occupancy))
        } catch let error as TariffInputError {
            throw APIError(status: .unprocessableContent, field: Self.field(of: error), code: error.code,
                           vi: error.vietnamese, en: error.english)
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

    private static func count(_ text: String) throws(IntakeProblem) -> Int {
        guard let number = Int(text.trimmingCharacters(in: .whitespaces)), number >= 0 else { throw .wholeNumber }
        return number
    }

    private static func day(_ text: String) throws(IntakeProblem) -> TariffDay {
        guard let day = TariffDay(text.trimmingCharacters(in: .whitespaces)) else { throw .dayFormat }
        return day
    }
}
