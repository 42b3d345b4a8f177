import Contracts
import Foundation
import GRDB
import Messaging

/// A planned outage as `outage_planned` keeps it when it is created: scheduled, revision 1,
/// created and last updated by the same officer at the same time. Changes and cancellation
/// change the row later, column by column (``PlannedOutageDesk``); its communes live in
/// `outage_planned_areas`.
struct PlannedOutageRow: SnakeCaseRecord {
    static let databaseTableName = "outage_planned"

    var plannedOutageId: String
    var branchCode: String
    var branchName: String
    var branchHotline: String
    var location: String
    var reason: String
    var startsAt: Date
    var endsAt: Date
    var status = PlannedOutage.Status.scheduled.rawValue
    var revision = 1
    var urgentReason: String?
    var createdAt: Date
    var createdBy: String
    var updatedAt: Date
    var updatedBy: String

    init(_ outage: PlannedOutageRules.Checked, id: String, by staffId: String, at now: Date) {
        plannedOutageId = id
        branchCode = outage.branch.code
        branchName = outage.branch.name
        branchHotline = outage.branch.hotline
        location = outage.location
        reason = outage.reason
        startsAt = outage.startsAt
        endsAt = outage.endsAt
        urgentReason = outage.urgentReason
        createdAt = now
        createdBy = staffId
        updatedAt = now
        updatedBy = staffId
    }
}
