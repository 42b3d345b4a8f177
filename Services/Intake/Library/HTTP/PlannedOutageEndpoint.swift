import Contracts
import Foundation
import Hummingbird
import ServiceKit

/// `GET /api/v1/planned-outages?communeCode=20356` (or `?customerCode=PC05TK0012345`), with
/// optional `from` and `to` days (`YYYY-MM-DD`, Vietnam; default today and 30 days on): the
/// planned-outage schedule customers look up, from outage (``PlannedOutageSchedule``).
///
/// Answers 200 `{"plannedOutages": [...]}`, soonest first, cancelled ones included; 404 for a
/// customer code outage has no supply point for; 422 for a bad or missing field; 503 when
/// outage does not answer in time; 429 with `Retry-After` over the client's allowance (``AbuseLimits``).
struct PlannedOutageEndpoint: Sendable {
    static let path = "api/v1/planned-outages"

    let schedule: PlannedOutageSchedule
    let limits: AbuseLimits

    func register(on router: Router<ServiceRequestContext>) {
        router.get(RouterPath(Self.path)) { request, context in
            try limits.admit(.lookup, request, context)
            let parameters = request.uri.queryParameters
            let outages = try await schedule.schedule(
                communeCode: parameters.get("communeCode"), customerCode: parameters.get("customerCode"),
                from: parameters.get("from"), to: parameters.get("to")).answered()
            return try Response.json(["plannedOutages": outages])
        }
    }
}
