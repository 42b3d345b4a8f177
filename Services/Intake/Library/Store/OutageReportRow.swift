import Foundation
import GRDB
import Messaging
import PersonalData

/// An outage report as `intake_outage_reports` keeps it: the phone masked, sealed and
/// fingerprinted, to text the reporter when power is back and to count their reports.
struct OutageReportRow: SnakeCaseRecord {
    static let databaseTableName = "intake_outage_reports"

    var reportCode: String
    var channel: String
    var operatorId: String?
    var branchCode: String
    var communeCode: String?
    var customerCode: String?
    var phoneSealed: Data
    var phoneFingerprint: String
    var phoneMasked: String
    var note: String?
    var consentGivenAt: Date
    var reportedAt: Date

    init(_ report: OutageReport, code: String, phoneSealed: Data, phoneFingerprint: String, at reportedAt: Date) {
        reportCode = code
        channel = report.channel.rawValue
        operatorId = report.operatorId
        branchCode = report.branch.code
        communeCode = report.communeCode
        customerCode = report.customerCode?.description
        self.phoneSealed = phoneSealed
        self.phoneFingerprint = phoneFingerprint
        phoneMasked = report.phone.masked
        note = report.note
        consentGivenAt = reportedAt
        self.reportedAt = reportedAt
    }
}
