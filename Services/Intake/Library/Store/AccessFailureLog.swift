import Foundation
import GRDB

/// The wrong phones given with each request code, per client, for refusing whoever guesses.
///
/// A request code is printed on receipts and read out on the phone, so it is not a secret;
/// the phone is what proves the caller is the applicant. Failures are counted per code *and*
/// client address, so a guesser closes the code only to themselves, never to the applicant
/// calling from elsewhere. Rows are kept only as long as ``RequestAccess/failureWindow``
/// counts them: each new failure forgets the older ones.
enum AccessFailureLog {
    /// Failures recorded for `code` from `client` since `date`.
    static func count(for code: String, client: String, since date: Date, in db: Database) throws -> Int {
        try Int.fetchOne(db.cachedStatement(sql: """
            SELECT COUNT(*) FROM intake_access_failures WHERE request_code = ? AND client = ? AND failed_at >= ?
            """), arguments: [code, client, date.timeIntervalSince1970]) ?? 0
    }

    /// Records a failure for `code` from `client` at `date` and forgets every failure older than `oldest`.
    static func record(_ code: String, client: String, at date: Date, forgettingBefore oldest: Date,
                       in db: Database) throws {
        try db.cachedStatement(sql: "DELETE FROM intake_access_failures WHERE failed_at < ?")
            .execute(arguments: [oldest.timeIntervalSince1970])
        try db.cachedStatement(sql: "INSERT INTO intake_access_failures (request_code, client, failed_at) VALUES (?, ?, ?)")
            .execute(arguments: [code, client, date.timeIntervalSince1970])
    }
}
