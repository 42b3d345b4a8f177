import Foundation
import Hummingbird
import ServiceKit

/// `GET /api/v1/reading-schedule?customerCode=PC05TK0012345`: when the customer's meter is
/// read, from metering: the meter, the reading route, its day of the month and the next
/// reading day from today (Vietnam).
///
/// Answers 200 with a ``MeterReadingSchedule/Schedule``; 404 for a customer code metering has no meter for; 422 for
/// a missing or malformed code, or one of no branch the corporation serves; 503 when metering
/// does not answer in time; 429 with `Retry-After` over the client's allowance (``AbuseLimits``).
/// The look-up is ``MeterReadingSchedule``'s.
struct ReadingScheduleEndpoint: Sendable {
    static let path = "api/v1/reading-schedule"

    let readingSchedule: MeterReadingSchedule
    let limits: AbuseLimits

    func register(on router: Router<ServiceRequestContext>) {
        router.get(RouterPath(Self.path)) { request, context in
            try limits.admit(.lookup, request, context)
            return try Response.json(try await readingSchedule.schedule(
                customerCode: request.uri.queryParameters.get("customerCode")).answered())
        }
    }
}
