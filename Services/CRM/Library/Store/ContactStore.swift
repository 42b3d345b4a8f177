import Foundation
import GRDB

/// Reads and writes `crm_contacts`: the calls staff made to a ticket's customer, with what they
/// noted. The notes stay in crm (the event names only who called and when).
enum ContactStore {
    /// Records the call; returns its number (`seq`), which no other call has.
    @discardableResult
    static func record(staffId: String, note: String?, at date: Date, ticketId: String, in db: Database) throws -> Int64 {
        try db.cachedStatement(sql: "INSERT INTO crm_contacts (ticket_id, staff_id, note, contacted_at) VALUES (?, ?, ?, ?)")
            .execute(arguments: [ticketId, staffId, note, date.timeIntervalSince1970])
        return db.lastInsertedRowID
    }

    /// When staff called about `ticketId`, oldest first.
    static func contactTimes(ticketId: String, in db: Database) throws -> [Date] {
        try Double.fetchAll(db.cachedStatement(sql: "SELECT contacted_at FROM crm_contacts WHERE ticket_id = ? ORDER BY seq"),
                            arguments: [ticketId]).map(Date.init(timeIntervalSince1970:))
    }
}
