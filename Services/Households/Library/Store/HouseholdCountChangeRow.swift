import Contracts
import Foundation
import GRDB
import Messaging
import WorkingCalendar

/// A change of a dossier's established count as `households_count_changes` records it, beside
/// the `households.count.changed` event that announces it.
struct HouseholdCountChangeRow: SnakeCaseRecord {
    static let databaseTableName = "households_count_changes"

    var changeId: String
    var dossierId: String
    var previousQuarters: Int
    var newQuarters: Int
    var reason: String
    /// The day the new count holds from, `YYYY-MM-DD`.
    var effectiveOn: String
    var changedAt: Date
    /// The customer's request that moved the count, if one did.
    var requestCode: String?

    init(_ change: HouseholdCountChanged, effectiveOn: CalendarDay) {
        changeId = change.changeId
        dossierId = change.dossierId
        previousQuarters = change.previousQuarters
        newQuarters = change.newQuarters
        reason = change.reason.rawValue
        self.effectiveOn = effectiveOn.description
        changedAt = change.changedAt
        requestCode = change.requestCode
    }
}
