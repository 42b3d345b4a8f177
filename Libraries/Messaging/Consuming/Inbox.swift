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

    /// Forgets ids older than any redelivery could be.
    static func prune(handledBefore date: Date, in db: Database) throws {
        try db.cachedStatement(sql: "DELETE FROM messaging_inbox WHERE handled_at < ?").execute(arguments: [date.timeIntervalSince1970])
    }
}
