import Foundation
import GRDB

/// The record of handled messages that makes every handler idempotent: a
/// message id is written in the same transaction as the handler's effect, so
/// a redelivery after a crash between commit and ack finds it and changes
/// nothing a second time.
enum Inbox {
    /// Records the message as handled `at` that instant; false when it was handled before.
    static func claim(_ envelope: Envelope, at date: Date, in db: Database) throws -> Bool {
        try db.cachedStatement(
            sql: "INSERT OR IGNORE INTO messaging_inbox (message_id, message_type, handled_at) VALUES (?, ?, ?)"
        ).execute(arguments: [envelope.messageId, envelope.type, date.timeIntervalSince1970])
        return db.changesCount == 1
    }

    /// Claims `message` and, the first time only, hands it to `handler` in the same transaction:
    /// what every way of delivering a message (the consumer, its retries, a service run
    /// in-process) does. False when the message was handled before.
    static func handleOnce(_ message: IncomingMessage, by handler: MessageHandlers.Handler, outbox: Outbox,
                           in db: Database) throws -> Bool {
        guard try claim(message.envelope, at: outbox.clock.preciseNow(), in: db) else { return false }
        try handler(MessageContext(message: message, db: db, outbox: outbox))
        return true
    }

    /// Forgets ids older than any redelivery could be.
    static func prune(handledBefore date: Date, in db: Database) throws {
        try db.cachedStatement(sql: "DELETE FROM messaging_inbox WHERE handled_at < ?").execute(arguments: [date.timeIntervalSince1970])
    }
}
