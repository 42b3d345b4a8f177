import GRDB
import WorkingCalendar

extension TicketViews {
    /// The tickets of every kind of `branchCode` (every branch's when nil), each with the officer
    /// who works it now, judged on `today`, in the list's order: what the branch pages show and
    /// the deadline digest counts.
    func tickets(branchCode: String?, today: CalendarDay, in db: Database) throws -> [TicketSummary] {
        list(try TicketStore.tickets(branchCode: branchCode, requestCode: nil, personalData: workflows.personalData, in: db),
             try AmendmentStore.amendments(unit: branchCode, in: db),
             try ServiceTicketStore.tickets(branchCode: branchCode, requestCode: nil, in: db),
             try InquiryStore.inquiries(branchCode: branchCode, requestCode: nil, in: db),
             officers: try AssignmentStore.currentOfficers(in: db), today: today).tickets
    }
}
