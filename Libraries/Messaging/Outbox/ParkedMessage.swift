import Foundation
import GRDB

/// A parked outbox row as an operator sees it.
public struct ParkedMessage: Sendable {
    public var messageId: String
    public var type: String
    public var exchange: String
    public var routingKey: String
    public var correlationId: String?
    public var createdAt: Date
    /// The broker's refusals before it was parked (none for a row parked behind another), and the last one's reason.
    public var attempts: Int
    public var lastError: String?
    public var parkedAt: Date

    init(row: Row) {
        messageId = row["message_id"]
        type = row["message_type"]
        exchange = row["exchange"]
        routingKey = row["routing_key"]
        correlationId = row["correlation_id"]
        createdAt = Date(timeIntervalSince1970: row["created_at"])
        attempts = row["attempts"]
        lastError = row["last_error"]
        parkedAt = Date(timeIntervalSince1970: row["parked_at"])
    }
}
