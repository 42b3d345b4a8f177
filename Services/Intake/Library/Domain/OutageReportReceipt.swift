import Contracts
import Foundation
import VietnameseIdentity

/// What the reporter of an outage is told once the report is stored: its code, the branch
/// dispatching it, and that a text follows when power is back.
struct OutageReportReceipt: Encodable, Sendable {
    var reportCode: String
    var branch: Branch
    var reportedAt: Date
    var message: LocalizedMessage

    init(reportCode: String, branch: Branch, reportedAt: Date) {
        self.reportCode = reportCode
        self.branch = branch
        self.reportedAt = reportedAt
        message = LocalizedMessage(
            vi: "Điện lực \(branch.name) đã nhận báo mất điện. Quý khách sẽ nhận tin nhắn khi có điện trở lại.",
            en: "Điện lực \(branch.name) has your outage report. You will get an SMS when power is back.")
    }
}
