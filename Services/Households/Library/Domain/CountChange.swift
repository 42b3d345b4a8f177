import Contracts
import Foundation

/// One change of a dossier's count, as its history shows it (the change crm heard of).
struct CountChange: Sendable, Codable {
    var previous: HouseholdQuarters.Shown
    var new: HouseholdQuarters.Shown
    var reason: HouseholdCountChanged.Reason
    /// The day the new count holds from.
    var effectiveOn: String
    var changedAt: Date
}
