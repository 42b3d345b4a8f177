import Contracts
import GRDB

/// A request's timeline as the portal shows it to whoever holds the request code: the
/// branch, the due date that holds now, and every step, naming no person.
enum RequestTimelineReader {
    static func timeline(of requestCode: String, in db: Database) throws -> RequestTimeline? {
        guard let ticket = try TicketStore.ticket(requestCode: requestCode, in: db) else { return nil }
        return RequestTimeline(requestCode: ticket.requestCode, branch: ticket.branch,
                               dueDate: ticket.dueDate.calendarDate,
                               steps: try TimelineStore.entries(requestCode: requestCode, in: db).map(\.step))
    }
}
