import Foundation
import GRDB

/// Numbers each branch's requests of a day 1, 2, 3… for ``RequestCode``.
///
/// The counter is a row bumped inside the request's own transaction, so a rejected or
/// rolled-back request leaves no gap and two concurrent ones never share a number.
enum DailySequence {
    static func next(branchCode: String, day: String, in db: Database) throws -> Int {
        try db.execute(sql: """
            INSERT INTO intake_daily_sequences (branch_code, day, last_value) VALUES (?, ?, 1)
            ON CONFLICT (branch_code, day) DO UPDATE SET last_value = last_value + 1
            """, arguments: [branchCode, day])
        return try Int.fetchOne(db, sql: "SELECT last_value FROM intake_daily_sequences WHERE branch_code = ? AND day = ?",
                                arguments: [branchCode, day]) ?? 1
    }

    /// The next code of `branchCode` for the day of `date`, numbered in the caller's transaction.
    static func nextCode(branchCode: String, at date: Date, in db: Database) throws -> RequestCode {
        let day = RequestCode.day(of: date)
        return RequestCode(branchCode: branchCode, day: day, sequence: try next(branchCode: branchCode, day: day, in: db))
    }
}
