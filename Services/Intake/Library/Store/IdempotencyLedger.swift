import Foundation
import Messaging
import GRDB

/// The `Idempotency-Key`s seen so far and the answer each one got.
///
/// A client that lost the answer to a submission resends it with the same key and must get
/// the same request code, not a second request. The key is recorded in the transaction
/// that stores the request, so a key is never recorded for a request that was not.
///
/// Keys are kept for ``retention``: a client retries within minutes, and the ledger must not
/// grow for ever. Older keys are forgotten by the next submission that brings a key, in its
/// own transaction, so an expired key is never found and no background job is needed.
enum IdempotencyLedger {
    /// How long a key is remembered: 24 hours.
    static let retention: TimeInterval = 24 * 3600

    /// What an earlier submission with the same key left.
    struct Entry {
        var bodyFingerprint: String
        var receipt: SubmissionReceipt
    }

    static func entry(for key: String, in db: Database) throws -> Entry? {
        guard let row = try Row.fetchOne(
            db, sql: "SELECT body_fingerprint, receipt FROM intake_idempotency_keys WHERE idempotency_key = ?",
            arguments: [key]
        ) else { return nil }
        let receipt: String = row["receipt"]
        return Entry(bodyFingerprint: row["body_fingerprint"],
                     receipt: try JSONCoding.decoder.decode(SubmissionReceipt.self, from: Data(receipt.utf8)))
    }

    static func record(_ key: String, bodyFingerprint: String, receipt: SubmissionReceipt, in db: Database) throws {
        try db.execute(sql: """
            INSERT INTO intake_idempotency_keys (idempotency_key, body_fingerprint, request_code, receipt, created_at)
            VALUES (?, ?, ?, ?, ?)
            """, arguments: [key, bodyFingerprint, receipt.requestCode,
                             String(decoding: try JSONCoding.encoder.encode(receipt), as: UTF8.self),
                             receipt.submittedAt.timeIntervalSince1970])
    }

    /// Forgets the keys recorded before `date`.
    static func forget(recordedBefore date: Date, in db: Database) throws {
        try db.execute(sql: "DELETE FROM intake_idempotency_keys WHERE created_at < ?",
                       arguments: [date.timeIntervalSince1970])
    }
}
