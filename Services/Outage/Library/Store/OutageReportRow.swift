import Foundation
import GRDB
import Messaging

/// A report as `outage_reports` keeps it, filed under its incident: the phone sealed and masked,
/// times in seconds since 1970.
///
/// A ``ColumnRecord``: a storm brings thousands of reports a minute, so its insert is one cached
/// statement.
struct OutageReportRow: ColumnRecord {
    static let databaseTableName = "outage_reports"
    static let insertSQL = makeInsertSQL()

    var reportCode: String
    var incidentId: String
    /// The customer code, else `phone:<fingerprint>`: who counts once per incident.
    var reporterKey: String
    /// Whether the reporter is counted (their first report under the incident).
    var counted: Bool
    var channel: String
    var operatorId: String?
    var customerCode: String?
    var communeCode: String?
    var phoneSealed: Data
    var phoneMasked: String
    var note: String?
    var reportedAt: Double
    var receivedAt: Double

    enum ColumnName: String, CodingKey, CaseIterable {
        case reportCode = "report_code", incidentId = "incident_id", reporterKey = "reporter_key", counted, channel
        case operatorId = "operator_id", customerCode = "customer_code", communeCode = "commune_code"
        case phoneSealed = "phone_sealed", phoneMasked = "phone_masked", note, reportedAt = "reported_at"
        case receivedAt = "received_at"
    }

    subscript(_ column: ColumnName) -> (any DatabaseValueConvertible)? {
        switch column {
        case .reportCode: reportCode
        case .incidentId: incidentId
        case .reporterKey: reporterKey
        case .counted: counted
        case .channel: channel
        case .operatorId: operatorId
        case .customerCode: customerCode
        case .communeCode: communeCode
        case .phoneSealed: phoneSealed
        case .phoneMasked: phoneMasked
        case .note: note
        case .reportedAt: reportedAt
        case .receivedAt: receivedAt
        }
    }
}
