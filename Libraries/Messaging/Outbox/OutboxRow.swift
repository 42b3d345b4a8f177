import Foundation
import GRDB

/// A message as `messaging_outbox` keeps it until the broker confirms it: the columns the
/// outbox and its parked rows share (``Outbox/messageColumns``), named one by one.
///
/// A ``ColumnRecord``: every message of every service is written through it, so its insert is
/// one cached statement.
struct OutboxRow: ColumnRecord {
    static let databaseTableName = "messaging_outbox"
    static let insertSQL = makeInsertSQL()
    /// Each column's place in ``ColumnName``'s order, for reading rows by position.
    static let position = Dictionary(uniqueKeysWithValues: ColumnName.allCases.enumerated().map { ($1, $0) })

    var message: OutgoingMessage
    /// The headers as JSON; nil when there are none.
    var headers: String?

    enum ColumnName: String, CodingKey, CaseIterable {
        case messageId = "message_id", exchange, routingKey = "routing_key", mandatory, messageType = "message_type"
        case correlationId = "correlation_id", causationId = "causation_id", traceparent, appId = "app_id"
        case replyTo = "reply_to", headers, createdAt = "created_at", body, expirationMs = "expiration_ms"
    }

    init(_ message: OutgoingMessage) throws {
        self.message = message
        headers = message.headers.isEmpty ? nil : String(decoding: try JSONCoding.encoder.encode(message.headers), as: UTF8.self)
    }

    subscript(_ column: ColumnName) -> (any DatabaseValueConvertible)? {
        let envelope = message.envelope
        return switch column {
        case .messageId: envelope.messageId
        case .exchange: message.exchange
        case .routingKey: message.routingKey
        case .mandatory: message.mandatory
        case .messageType: envelope.type
        case .correlationId: envelope.correlationId
        case .causationId: envelope.causationId
        case .traceparent: envelope.traceparent
        case .appId: envelope.appId
        case .replyTo: envelope.replyTo
        case .headers: headers
        case .createdAt: envelope.timestamp.timeIntervalSince1970
        case .body: envelope.body
        case .expirationMs: message.expiration?.milliseconds
        }
    }
}
