import Contracts
import Foundation
import Hummingbird
import Logging
import ServiceKit
import StaffAuth
import VietnameseIdentity

/// `POST /api/v1/outage-reports`: a customer (or an operator for a caller) reports a power outage.
///
/// Answers 202 `{"reportCode", "branch", "reportedAt", "message"}`: the report is stored and on
/// its way to dispatch, which groups it with the area's other reports; the reporter is texted
/// once when power is back. 400 for a body that is not JSON, 422 with every field error at once;
/// 429 with `Retry-After` as for a connection request (``SubmissionEndpoint``), the phone's
/// budget paying for the restoration text.
struct OutageReportEndpoint: Sendable {
    static let path = "api/v1/outage-reports"
    static let maximumBodySize = 8 * 1024

    /// The 202 answer.
    struct Receipt: Encodable, Sendable {
        var reportCode: String
        var branch: Branch
        var reportedAt: Date
        var message: LocalizedMessage
    }

    let validator: OutageReportValidator
    let store: OutageReportStore
    let limits: AbuseLimits
    let clock: WallClock
    let logger: Logger

    func register(on router: Router<ServiceRequestContext>) {
        router.post(RouterPath(Self.path)) { request, context in
            try limits.admit(.filing, request, context)
            return try await report(request)
        }
    }

    func report(_ request: Request) async throws -> Response {
        var request = request
        let form = try await request.decodeJSON(OutageReportForm.self, limit: Self.maximumBodySize)
        return try Response.json(try await report(form), status: .accepted)
    }

    /// Files the report of `form`: the API's, the portal's and the console's alike.
    ///
    /// - Parameter unit: the branch of the call-centre operator filing it; nil for the public and
    ///   for the corporation's hotline, who file for any branch.
    /// - Throws: ``APIError`` 422 with every field error at once, 403 naming the place when it is
    ///   another branch's than `unit`; ``TooManyRequests`` for the phone's filings or its spent budget.
    func report(_ form: OutageReportForm, unit: String? = nil) async throws -> Receipt {
        let report: OutageReport
        do {
            report = try validator.validate(form)
        } catch {
            throw APIError.invalid(error)
        }
        if let unit, report.branch.code != unit {
            throw APIError.namedOtherUnit(field: report.customerCode == nil ? "communeCode" : "customerCode")
        }
        return try await file(report)
    }

    /// Files `report`, checked already: the forms' and a customer's SMS alike.
    ///
    /// - Throws: ``TooManyRequests`` for the phone's filings or its spent budget.
    func file(_ report: OutageReport) async throws -> Receipt {
        try limits.admit(phone: report.phone)
        let now = clock.now()
        let code = try await PhoneBudgetSpent.answered { try await store.file(report, at: now) }
        logger.info("outage reported", metadata: .request(code, [
            "branch": "\(report.branch.code)", "channel": "\(report.channel.rawValue)",
            "customer_code": "\(report.customerCode?.description ?? "")", "commune": "\(report.communeCode ?? "")",
        ]))
        return Receipt(
            reportCode: code, branch: report.branch, reportedAt: now.wholeSeconds,
            message: LocalizedMessage(
                vi: "Điện lực \(report.branch.name) đã nhận báo mất điện. Quý khách sẽ nhận tin nhắn khi có điện trở lại.",
                en: "Điện lực \(report.branch.name) has your outage report. You will get an SMS when power is back."))
    }
}
