import Foundation
import GRDB

/// Numbers each branch's requests of a day 1, 2, 3… for ``RequestCode``.
///
/// The counter is a row bumped inside the request's own transaction, so a rejected or
/// rolled-back request leaves no gap and two concurrent ones never share a number.
enum DailySequence {
    /// One statement, cached: the upsert hands back the new value (`RETURNING`, SQLite 3.35+),
    /// since every request and outage report of a storm takes a number.
    static func next(branchCode: String, day: String, in db: Database) throws -> Int {
        try Int.fetchOne(db.cachedStatement(sql: """
            INSERT INTO intake_daily_sequences (branch_code, day, last_value) VALUES (?, ?, 1)
            ON CONFLICT (branch_code, day) DO UPDATE SET last_value = last_value + 1
            RETURNING last_value
            """), arguments: [branchCode, day]) ?? 1
    }

    /// The next code of `branchCode` for the day of `date`, numbered in the caller's transaction.
    static func nextCode(branchCode: String, at date: Date, in db: Database) throws -> RequestCode {
        let day = RequestCode.day(of: date)
        return RequestCode(branchCode: branchCode, day: day, sequence: try next(branchCode: branchCode, day: day, in: db))
    }
}
