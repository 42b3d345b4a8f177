import GRDB
import WorkingCalendar

/// Counts the open tickets past their service time: connection tickets, contract amendments,
/// service tickets and inquiries whose due date is before today. These are the ones the branch
/// wallboard shows as breached; operators alert on the count (`tickets_past_service_time` on `/metrics`).
enum ServiceTimeBreaches {
    static let tables = ["crm_tickets", "crm_amendments", "crm_service_tickets", "crm_inquiries"]

    static func count(today: CalendarDay, in db: Database) throws -> Int {
        try tables.reduce(0) { total, table in
            total + (try Int.fetchOne(db.cachedStatement(sql: "SELECT COUNT(*) FROM \(table) WHERE status = ? AND due_date < ?"),
                                      arguments: [TicketStatus.open.rawValue, today.description]) ?? 0)
        }
    }
}
