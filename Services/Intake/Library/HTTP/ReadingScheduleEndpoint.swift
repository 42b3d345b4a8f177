import Contracts
import Foundation
import Hummingbird
import ServiceAreas
import ServiceKit
import VietnameseIdentity
import WorkingCalendar

/// `GET /api/v1/reading-schedule?customerCode=PC05TK0012345`: when the customer's meter is
/// read, from metering: the meter, the reading route, its day of the month and the next
/// reading day from today (Vietnam).
///
/// Answers 200 with a ``Schedule``; 404 for a customer code metering has no meter for; 422 for
/// a missing or malformed code, or one of no branch the corporation serves; 503 when metering
/// does not answer in time; 429 with `Retry-After` over the client's allowance (``AbuseLimits``).
struct ReadingScheduleEndpoint: Sendable {
    static let path = "api/v1/reading-schedule"

    /// The 200 answer.
    struct Schedule: Encodable, Sendable {
        var customerCode: String
        var meterSerial: String
        var branch: Branch
        var route: String
        /// The day of the month the route is read, 1–28.
        var readingDay: Int
        /// The next day the route is read, today included.
        var nextReadingOn: String
    }

    let areas: ServiceAreaTable
    let lookup: ReadingScheduleLookup
    let limits: AbuseLimits
    let clock: WallClock

    /// The one query parameter, as the look-up checks it and the API document shows it.
    var customerCodeParameter: FieldDeclaration<CustomerCode> {
        .required("customerCode", .servedCustomerCode(in: areas), "The customer code on the bill, e.g. PC05TK0012345.")
    }

    func register(on router: Router<ServiceRequestContext>) {
        router.get(RouterPath(Self.path)) { request, context in
            try limits.admit(.lookup, request, context)
            return try await schedule(request)
        }
    }

    func schedule(_ request: Request) async throws -> Response {
        try Response.json(try await schedule(customerCode: request.uri.queryParameters.get("customerCode")))
    }

    /// The schedule of `customerCode`, from metering: the API's look-up and the portal's alike.
    ///
    /// - Throws: ``APIError`` 422, 404 or 503 as the type's comment says.
    func schedule(customerCode: String?) async throws -> Schedule {
        var validation = Validation()
        let given = validation.check(customerCodeParameter, customerCode)
        let code: CustomerCode
        do { code = try validation.finish { given } } catch { throw APIError.invalid(error) }
        guard let answer = await lookup.schedule(customerCode: code.description) else {
            throw APIError.readingScheduleUnavailable
        }
        guard case .schedule(let schedule) = answer,
              let branch = areas.branch(code: schedule.branchCode) ?? areas.branch(code: code.branchCode) else {
            throw APIError.supplyPointUnknown
        }
        return Schedule(
            customerCode: schedule.customerCode, meterSerial: schedule.meterSerial, branch: branch,
            route: schedule.route, readingDay: schedule.readingDay,
            nextReadingOn: Self.nextReading(day: schedule.readingDay, from: CalendarDay(clock.now())).description)
    }

    /// The first day on or after `today` that is the `day`-th of its month.
    static func nextReading(day: Int, from today: CalendarDay) -> CalendarDay {
        var candidate = today
        while candidate.day != day {
            candidate = candidate.adding(days: 1)
        }
        return candidate
    }
}
