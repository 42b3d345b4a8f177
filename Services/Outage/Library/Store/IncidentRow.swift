import Contracts
import Foundation
import GRDB
import Messaging

/// An incident as `outage_incidents` keeps it when its first report opens it: open, one report
/// from one reporter. Later reports, the crew and the restoration change the row column by
/// column (``IncidentDesk``).
struct IncidentRow: SnakeCaseRecord {
    static let databaseTableName = "outage_incidents"

    var incidentId: String
    var branchCode: String
    var branchName: String
    var branchHotline: String
    var area: String
    var status = "open"
    /// Seconds since 1970: when the first report says the power went.
    var openedAt: Double
    var lastReportAt: Double
    var reportCount = 1
    var reporterCount = 1

    init(id: String, branch: Branch, area: OutageArea, firstReportedAt reportedAt: Double) {
        incidentId = id
        branchCode = branch.code
        branchName = branch.name
        branchHotline = branch.hotline
        self.area = area.description
        openedAt = reportedAt
        lastReportAt = reportedAt
    }
}
