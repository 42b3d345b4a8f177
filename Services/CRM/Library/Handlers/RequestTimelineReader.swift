import Contracts
import GRDB
import PersonalData

/// A request's timeline (of any kind) as the portal shows it to whoever holds the request code: the
/// branch, the due date that holds now, and every step, naming no person.
enum RequestTimelineReader {
    static func timeline(of requestCode: String, personalData: PersonalDataProtector, in db: Database) throws -> RequestTimeline? {
        let owner: (branch: Branch, dueDate: CalendarDate)
        if let ticket = try TicketStore.ticket(requestCode: requestCode, personalData: personalData, in: db) {
            owner = (ticket.branch, ticket.dueDate.calendarDate)
        } else if let ticket = try ServiceTicketStore.ticket(requestCode: requestCode, in: db) {
            owner = (ticket.branch, ticket.dueDate.calendarDate)
        } else {
            return nil
        }
        return RequestTimeline(requestCode: requestCode, branch: owner.branch, dueDate: owner.dueDate,
                               steps: try TimelineStore.entries(requestCode: requestCode, in: db).map(\.step))
    }
}
