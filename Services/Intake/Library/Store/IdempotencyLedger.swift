import Foundation
import Messaging
import GRDB

/// The `Idempotency-Key`s seen so far and the answer each one got.
///
/// A client that lost the answer to a submission resends it with the same key and must get
/// the same request code, not a second request. The key is recorded in the transaction
/// that stores the request, so a key is never recorded for a request that was not.
///
/// Connections and service requests share the ledger: a key names one filing, whichever
/// endpoint it went to.
///
/// Keys are kept for ``retention``: a client retries within minutes, and the ledger must not
/// grow for ever. Older keys are forgotten by the next submission that brings a key, in its
/// own transaction, so an expired key is never found and no background job is needed.
enum IdempotencyLedger {
    /// How long a key is remembered: 24 hours.
    static let retention: TimeInterval = 24 * 3600

    /// An `Idempotency-Key` and the fingerprint of the body sent with it.
    struct Claim: Sendable {
        var key: String
        var bodyFingerprint: String
    }

    /// What became of `claim` earlier: `nil` when no key came or the key is new, and the
    /// filing goes ahead. Forgets the expired keys first, in the filing's transaction.
    static func earlierOutcome(of claim: Claim?, at now: Date, in db: Database) throws -> FilingOutcome? {
        guard let claim else { return nil }
        try forget(recordedBefore: now - retention, in: db)
        guard let earlier = try entry(for: claim.key, in: db) else { return nil }
        return earlier.bodyFingerprint == claim.bodyFingerprint ? .replayed(earlier.receipt) : .keyReused
    }

    /// Records `claim`, if a key came, with the receipt of the filing it made.
    static func record(_ claim: Claim?, receipt: SubmissionReceipt, in db: Database) throws {
        guard let claim else { return }
        try db.cachedStatement(sql: """
            INSERT INTO intake_idempotency_keys (idempotency_key, body_fingerprint, request_code, receipt, created_at)
            VALUES (?, ?, ?, ?, ?)
            """).execute(arguments: [claim.key, claim.bodyFingerprint, receipt.requestCode,
                                     String(decoding: try JSONCoding.encoder.encode(receipt), as: UTF8.self),
                                     receipt.submittedAt.timeIntervalSince1970])
    }

    /// What an earlier submission with the same key left.
    private struct Entry {
        var bodyFingerprint: String
        var receipt: SubmissionReceipt
    }

    private static func entry(for key: String, in db: Database) throws -> Entry? {
        guard let row = try Row.fetchOne(
            db, sql: "SELECT body_fingerprint, receipt FROM intake_idempotency_keys WHERE idempotency_key = ?",
            arguments: [key]
        ) else { return nil }
        let receipt: String = row["receipt"]
        return Entry(bodyFingerprint: row["body_fingerprint"],
                     receipt: try JSONCoding.decoder.decode(SubmissionReceipt.self, from: Data(receipt.utf8)))
    }

    /// Forgets the keys recorded before `date`.
    private static func forget(recordedBefore date: Date, in db: Database) throws {
        try db.cachedStatement(sql: "DELETE FROM intake_idempotency_keys WHERE created_at < ?")
            .execute(arguments: [date.timeIntervalSince1970])
    }
}
