import GRDB
import WorkingCalendar

extension TicketViews {
    /// The tickets of every kind of `branchCode` (every branch's when nil), only those of
    /// `requestCode` when given (amendments have none), each with the officer who works it now,
    /// judged on `today`, in the list's order: what the staff API, the branch pages and the
    /// deadline digest show.
    ///
    /// The officers are looked up for the listed tickets alone, so a look-up by request code
    /// reads one ticket's assignments, not the whole corporation's.
    func list(branchCode: String?, requestCode: String? = nil, today: CalendarDay, in db: Database) throws -> TicketList {
        var list = list(
            try TicketStore.tickets(branchCode: branchCode, requestCode: requestCode, personalData: workflows.personalData, in: db),
            requestCode == nil ? try AmendmentStore.amendments(unit: branchCode, in: db) : [],
            try ServiceTicketStore.tickets(branchCode: branchCode, requestCode: requestCode, in: db),
            try InquiryStore.inquiries(branchCode: branchCode, requestCode: requestCode, in: db),
            today: today)
        for index in list.tickets.indices {
            list.tickets[index].assignedTo = try AssignmentStore.currentOfficer(ticketId: list.tickets[index].ticketId, in: db)
        }
        return list
    }
}
