import Foundation
import GRDB
import Messaging

/// A delivery as `notification_deliveries` keeps it when it is queued: pending, due at once,
/// recipient and text sealed, the recipient fingerprinted and masked. ``DeliveryDispatcher``
/// takes and settles it later, column by column.
///
/// A ``ColumnRecord``: a restored incident queues a notice for every reporter at once. Its
/// insert does nothing when the same delivery is already queued (the table's unique keys).
struct DeliveryRow: ColumnRecord {
    static let databaseTableName = "notification_deliveries"
    static let insertSQL = makeInsertSQL() + " ON CONFLICT DO NOTHING"

    var id: String
    var reference: String
    var customerCode: String?
    var notice: String
    var occasion: String
    var channel: String
    var recipientFingerprint: String
    var recipientMasked: String
    var recipientSealed: Data
    var contentSealed: Data
    var status = "pending"
    var nextAttemptAt: Double
    /// The message that asked for it, and its trace.
    var causationId: String
    var traceparent: String?
    var queuedAt: Double
    var priority: Int

    enum ColumnName: String, CodingKey, CaseIterable {
        case id, reference, customerCode = "customer_code", notice, occasion, channel
        case recipientFingerprint = "recipient_fingerprint", recipientMasked = "recipient_masked"
        case recipientSealed = "recipient_sealed", contentSealed = "content_sealed", status
        case nextAttemptAt = "next_attempt_at", causationId = "causation_id", traceparent, queuedAt = "queued_at"
        case priority
    }

    subscript(_ column: ColumnName) -> (any DatabaseValueConvertible)? {
        switch column {
        case .id: id
        case .reference: reference
        case .customerCode: customerCode
        case .notice: notice
        case .occasion: occasion
        case .channel: channel
        case .recipientFingerprint: recipientFingerprint
        case .recipientMasked: recipientMasked
        case .recipientSealed: recipientSealed
        case .contentSealed: contentSealed
        case .status: status
        case .nextAttemptAt: nextAttemptAt
        case .causationId: causationId
        case .traceparent: traceparent
        case .queuedAt: queuedAt
        case .priority: priority
        }
    }
}
