import Foundation
import Hummingbird
import ServiceKit

/// `POST /api/v1/outage-reports`: a customer (or an operator for a caller) reports a power
/// outage (``OutageReporting``).
///
/// Answers 202 `{"reportCode", "branch", "reportedAt", "message"}` (``OutageReportReceipt``):
/// the report is stored and on its way to dispatch, which groups it with the area's other
/// reports; the reporter is texted once when power is back. 400 for a body that is not JSON,
/// 422 with every field error at once; 429 with `Retry-After` as for a connection request
/// (``SubmissionEndpoint``), the phone's budget paying for the restoration text.
struct OutageReportEndpoint: Sendable {
    static let path = "api/v1/outage-reports"
    static let maximumBodySize = 8 * 1024

    let reporting: OutageReporting
    let limits: AbuseLimits

    func register(on router: Router<ServiceRequestContext>) {
        router.post(RouterPath(Self.path)) { request, context in
            try limits.admit(.filing, request, context)
            var request = request
            let form = try await request.decodeJSON(OutageReportForm.self, limit: Self.maximumBodySize)
            return try Response.json(try await reporting.report(form, by: .anonymous).answered(), status: .accepted)
        }
    }
}
