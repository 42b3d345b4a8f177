import Foundation
import GRDB

/// Reads and writes `crm_deadline_notices`, inside a transaction its caller holds.
enum DeadlineNoticeStore {
    /// Records notice `noticeId` as sent; false, recording nothing, when it already was.
    static func claim(_ noticeId: String, staffId: String, branchCode: String, ticketCount: Int, at date: Date,
                      in db: Database) throws -> Bool {
        try db.cachedStatement(sql: """
            INSERT INTO crm_deadline_notices (notice_id, staff_id, branch_code, ticket_count, sent_at)
            VALUES (?, ?, ?, ?, ?) ON CONFLICT (notice_id) DO NOTHING
            """).execute(arguments: [noticeId, staffId, branchCode, ticketCount, date.timeIntervalSince1970])
        return db.changesCount > 0
    }
}
