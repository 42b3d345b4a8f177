import Foundation
import GRDB
import Messaging

/// A residence reminder as `households_reminders` records it once it is handled: for which
/// household, threshold and end day, and whether it was sent, held, or had no phone to go to.
/// The record is what keeps the same reminder from going out twice.
struct ReminderRow: SnakeCaseRecord {
    static let databaseTableName = "households_reminders"

    var memberId: Int64
    var threshold: String
    /// The confirmation's end day, `YYYY-MM-DD`.
    var validUntil: String
    var remindedAt: Date
    /// Whether the text went out now (a phone known, the pass not holding it).
    var sent: Bool
    /// When the pass held it for an officer to release; nil when it was not held.
    var heldAt: Date?
}
