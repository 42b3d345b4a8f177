import Foundation
import GRDB

/// The wrong phones given with each request code, for refusing whoever guesses.
///
/// A request code is printed on receipts and read out on the phone, so it is not a secret;
/// the phone is what proves the caller is the applicant. Rows are kept only as long as
/// ``RequestAccess/failureWindow`` counts them: each new failure forgets the older ones.
enum AccessFailureLog {
    /// Failures recorded for `code` since `date`.
    static func count(for code: String, since date: Date, in db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM intake_access_failures WHERE request_code = ? AND failed_at >= ?",
                         arguments: [code, date.timeIntervalSince1970]) ?? 0
    }

    /// Records a failure for `code` at `date` and forgets every failure older than `oldest`.
    static func record(_ code: String, at date: Date, forgettingBefore oldest: Date, in db: Database) throws {
        try db.execute(sql: "DELETE FROM intake_access_failures WHERE failed_at < ?",
                       arguments: [oldest.timeIntervalSince1970])
        try db.execute(sql: "INSERT INTO intake_access_failures (request_code, failed_at) VALUES (?, ?)",
                       arguments: [code, date.timeIntervalSince1970])
    }
}
