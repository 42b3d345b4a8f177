import Foundation
import Hummingbird
import ServiceKit

/// `GET /api/v1/tariff/estimate?kWh=350[&households=2][&tenants=3][&declared=false][&day=|&from=&through=]`:
/// the residential bill estimate customers look up, from the dated tariff tables (``BillEstimation``).
///
/// Answers 200 with the estimate; 422 with every field error; 429 with `Retry-After` over the
/// client's allowance (``AbuseLimits``).
struct TariffEstimateEndpoint: Sendable {
    static let path = "api/v1/tariff/estimate"

    let estimation: BillEstimation
    let limits: AbuseLimits

    /// The query parameters, in the order the API document lists them.
    static var parameters: [APIParameter] {
        [.query(BillEstimation.kWh), .query(BillEstimation.households), .query(BillEstimation.tenants),
         .query(BillEstimation.declared), .query(BillEstimation.day), .query(BillEstimation.from),
         .query(BillEstimation.through)]
    }

    func register(on router: Router<ServiceRequestContext>) {
        router.get(RouterPath(Self.path)) { request, context in
            try limits.admit(.lookup, request, context)
            let query = try BillEstimation.query { request.uri.queryParameters.get($0) }.answered()
            return switch try estimation.estimate(query).answered() {
            case .month(let estimate): try Response.json(estimate)
            case .period(let estimate): try Response.json(estimate)
            }
        }
    }
}
