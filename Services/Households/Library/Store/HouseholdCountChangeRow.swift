import Contracts
import Foundation
import GRDB
import Messaging
import WorkingCalendar

/// A change of a dossier's established count as `households_count_changes` records it, beside
/// the `households.count.changed` event that announces it.
///
/// A ``ColumnRecord``: a residence pass may record hundreds of thousands of changes, each with
/// one cached insert.
struct HouseholdCountChangeRow: ColumnRecord {
    static let databaseTableName = "households_count_changes"
    static let insertSQL = makeInsertSQL()

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

    enum ColumnName: String, CodingKey, CaseIterable {
        case changeId = "change_id", dossierId = "dossier_id", previousQuarters = "previous_quarters"
        case newQuarters = "new_quarters", reason, effectiveOn = "effective_on", changedAt = "changed_at"
        case requestCode = "request_code"
    }

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

    subscript(_ column: ColumnName) -> (any DatabaseValueConvertible)? {
        switch column {
        case .changeId: changeId
        case .dossierId: dossierId
        case .previousQuarters: previousQuarters
        case .newQuarters: newQuarters
        case .reason: reason
        case .effectiveOn: effectiveOn
        case .changedAt: changedAt.timeIntervalSince1970
        case .requestCode: requestCode
        }
    }
}
