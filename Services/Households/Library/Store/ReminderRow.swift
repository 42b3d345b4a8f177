import Foundation
import GRDB
import Messaging

/// A residence reminder as `households_reminders` records it once it is handled: for which
/// household, threshold and end day, and whether it was sent, held, or had no phone to go to.
/// The record is what keeps the same reminder from going out twice.
///
/// A ``ColumnRecord``: a residence pass records hundreds of thousands of them on a
/// corporation's store, each with one cached insert.
struct ReminderRow: ColumnRecord {
    static let databaseTableName = "households_reminders"
    static let insertSQL = makeInsertSQL()

    var memberId: Int64
    var threshold: String
    /// The confirmation's end day, `YYYY-MM-DD`.
    var validUntil: String
    var remindedAt: Date
    /// Whether the text went out now (a phone known, the pass not holding it).
    var sent: Bool
    /// When the pass held it for an officer to release; nil when it was not held.
    var heldAt: Date?

    enum ColumnName: String, CodingKey, CaseIterable {
        case memberId = "member_id", threshold, validUntil = "valid_until", remindedAt = "reminded_at", sent
        case heldAt = "held_at"
    }

    subscript(_ column: ColumnName) -> (any DatabaseValueConvertible)? {
        switch column {
        case .memberId: memberId
        case .threshold: threshold
        case .validUntil: validUntil
        case .remindedAt: remindedAt.timeIntervalSince1970
        case .sent: sent
        case .heldAt: heldAt?.timeIntervalSince1970
        }
    }
}
