import Contracts
import Foundation
import GRDB
import Messaging
import PersonalData
import ServiceKit

/// The messages customers texted in, by the gateway's message id, and the answers sent to them.
///
/// Gateways retry a callback they got no answer to, sometimes after intake had already acted
/// on it. A message is claimed (its id inserted) before anything is done for it, so of two
/// callbacks with one id, however close together, exactly one goes on: the other is told it
/// is a repeat. The answer's `notification.send-sms-reply` and the claim's `answered_at` are
/// written in one transaction. A crash between claiming and answering leaves the message
/// unanswered rather than answered (or an outage filed) twice; the customer texts again.
struct InboundSMSLedger: Sendable {
    /// How long a message id is remembered: far longer than any gateway retries.
    static let retention: TimeInterval = 30 * 24 * 3600

    let writer: GroupCommitWriter
    let outbox: Outbox
    let personalData: PersonalDataProtector

    /// Records `message` as received; false when its id was received before.
    func claim(_ message: InboundSMS, at now: Date) async throws -> Bool {
        let fingerprint = personalData.fingerprint(message.sender.e164)
        return try await writer.write { db in
            try db.cachedStatement(sql: "DELETE FROM intake_inbound_sms WHERE received_at < ?")
                .execute(arguments: [(now - Self.retention).timeIntervalSince1970])
            try db.cachedStatement(sql: """
                INSERT INTO intake_inbound_sms (message_id, sender_fingerprint, sent_at, received_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (message_id) DO NOTHING
                """).execute(arguments: [message.messageId, fingerprint, message.receivedAt?.timeIntervalSince1970,
                                         now.timeIntervalSince1970])
            return db.changesCount == 1
        }
    }

    /// Sends `answer` to the sender of `message` (through notification) and marks the message answered.
    func answer(_ message: InboundSMS, with answer: SMSAnswer, correlationId: String, at now: Date) async throws {
        let outbox = outbox
        let reply = SendSMSReply(messageId: message.messageId, phone: message.sender.e164, text: answer.text,
                                 issuedAt: now.wholeSeconds)
        try await writer.write { db in
            try db.cachedStatement(sql: "UPDATE intake_inbound_sms SET answered_at = ? WHERE message_id = ?")
                .execute(arguments: [now.timeIntervalSince1970, message.messageId])
            try outbox.send(reply, correlation: correlationId, at: now, in: db)
        }
    }
}
