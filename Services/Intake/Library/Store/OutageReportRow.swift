import Foundation
import GRDB
import Messaging
import PersonalData

/// An outage report as `intake_outage_reports` keeps it: the phone masked, sealed and
/// fingerprinted, to text the reporter when power is back and to count their reports.
///
/// A ``ColumnRecord``: a storm brings thousands of reports a second, and GRDB's generic insert
/// (a keyed container, snake-casing every column name) cost more per report than the insert.
struct OutageReportRow: ColumnRecord {
    static let databaseTableName = "intake_outage_reports"
    static let insertSQL = makeInsertSQL()

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

    enum ColumnName: String, CodingKey, CaseIterable {
        case reportCode = "report_code", channel, operatorId = "operator_id", branchCode = "branch_code"
        case communeCode = "commune_code", customerCode = "customer_code", phoneSealed = "phone_sealed"
        case phoneFingerprint = "phone_fingerprint", phoneMasked = "phone_masked", note
        case consentGivenAt = "consent_given_at", reportedAt = "reported_at"
    }

    subscript(_ column: ColumnName) -> (any DatabaseValueConvertible)? {
        switch column {
        case .reportCode: reportCode
        case .channel: channel
        case .operatorId: operatorId
        case .branchCode: branchCode
        case .communeCode: communeCode
        case .customerCode: customerCode
        case .phoneSealed: phoneSealed
        case .phoneFingerprint: phoneFingerprint
        case .phoneMasked: phoneMasked
        case .note: note
        // Stored as seconds since 1970, as every instant of the store.
        case .consentGivenAt: consentGivenAt.timeIntervalSince1970
        case .reportedAt: reportedAt.timeIntervalSince1970
        }
    }
}
