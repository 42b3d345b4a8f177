import Foundation
import Logging
import Messaging
import ServiceKit

/// Files an outage report: the API's, the portal's, the call centre's and a customer's SMS
/// alike. Nobody signs in to report, so every report counts against the phone's allowance and
/// its restoration text against the phone's budget (``FilingGate``); an operator reports for
/// their own branch only unless they are the corporation's hotline.
struct OutageReporting: Sendable {
    let validator: OutageReportValidator
    let store: OutageReportStore
    let gate: FilingGate
    let clock: WallClock
    let logger: Logger

    /// Files the report of `form`, by `party`.
    func report(_ form: OutageReportForm, by party: FilingParty) async throws -> Result<OutageReportReceipt, FilingRefusal> {
        let report: OutageReport
        do {
            report = try validator.validate(form)
        } catch {
            return .failure(.invalid(error.errors))
        }
        guard party.mayFile(for: report.branch.code) else {
            return .failure(.otherUnit(field: report.customerCode == nil ? "communeCode" : "customerCode"))
        }
        return try await file(report)
    }

    /// Files `report`, checked already.
    func file(_ report: OutageReport) async throws -> Result<OutageReportReceipt, FilingRefusal> {
        let now = clock.now()
        let stored = try await gate.store(naming: report.phone, by: .anonymous) { _ in try await store.file(report, at: now) }
        return stored.map { code in
            logger.info("outage reported", metadata: .request(code, [
                "branch": "\(report.branch.code)", "channel": "\(report.channel.rawValue)",
                "customer_code": "\(report.customerCode?.description ?? "")", "commune": "\(report.communeCode ?? "")",
            ]))
            return OutageReportReceipt(reportCode: code, branch: report.branch,
                                       reportedAt: now.wholeSeconds)
        }
    }
}
