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
/// by days where a price changes. Answers 200 with the estimate; 422 with every field error.
struct TariffEstimateEndpoint: Sendable {
    static let path = "api/v1/tariff/estimate"

    let tariffs: TariffSchedule
    let clock: WallClock

    func register(on router: Router<BasicRequestContext>) {
        router.get(RouterPath(Self.path)) { request, _ in try estimate(request) }
    }

    func estimate(_ request: Request) throws -> Response {
        let query = request.uri.queryParameters
        var validation = Validation()
        let kWh = validation.required("kWh", query.get("kWh"), Self.count)
        let households = validation.optional("households", query.get("households"), Self.count) ?? 1
        let tenants = validation.optional("tenants", query.get("tenants"), Self.count) ?? 0
        let declared = validation.optional("declared", query.get("declared")) { (text: String) throws(IntakeProblem) in
            switch text { case "true": true; case "false": false; default: throw .invalidChoice(allowed: ["true", "false"]) }
        } ?? true
        let day = validation.optional("day", query.get("day"), Self.day)
        let from = validation.optional("from", query.get("from"), Self.day)
        let through = validation.optional("through", query.get("through"), Self.day)
        if (from == nil) != (through == nil) { validation.add(MissingValue(), at: from == nil ? "from" : "through") }
        do { try validation.finish() } catch { throw APIError.invalid(error) }

        let occupancy: Occupancy = declared ? .declared(quarters: households * 4 + tenants) : .undeclared
        do {
            if let from, let through {
                return try Response.json(tariffs.estimate(kWh: kWh!, from: from, through: through, occupancy: occupancy))
            }
            let today = TariffDay(CalendarDay(clock.now()).description)!
            return try Response.json(tariffs.estimate(kWh: kWh!, on: day ?? today, occupancy: occupancy))
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
