@testable import CRM
import Foundation
import Testing
import WorkingCalendar

/// The digest's three groups, on the SLA's working calendar: "next" is the next working day,
/// over a weekend or a holiday.
@Suite struct DeadlineGroupsTests {
    private func ticket(_ id: String, due: String, _ state: SLAState, status: TicketStatus = .open,
                        officer: String? = nil) -> TicketSummary {
        TicketSummary(ticketId: id, kind: .newConnection, requestCode: id, branchCode: "PC05TK", status: status,
                      dueDate: due, slaState: state, slaLimitWorkingDays: 3, assignedTo: officer, openedAt: Date())
    }

    @Test func onAFridayTheNextWorkingDayIsMonday() throws {
        let calendar = try WorkingCalendar.load(overridesFolder: nil)
        let groups = DeadlineGroups([
            ticket("late", due: "2025-09-11", .breached),
            ticket("today", due: "2025-09-12", .dueToday, officer: "tk-cs-01"),
            ticket("monday", due: "2025-09-15", .onTrack, officer: "tk-cs-02"),
            ticket("tuesday", due: "2025-09-16", .onTrack),
            ticket("closed-late", due: "2025-09-10", .breached, status: .closed),
        ], today: CalendarDay(year: 2025, month: 9, day: 12), calendar: calendar)
        #expect(groups.breached.map(\.ticketId) == ["late"], "a closed ticket is no one's deadline")
        #expect(groups.dueToday.map(\.ticketId) == ["today"])
        #expect(groups.dueNextWorkingDay.map(\.ticketId) == ["monday"])
        #expect(groups.assigned(to: "tk-cs-02").all.map(\.ticketId) == ["monday"])
        #expect(groups.of(branch: "PC05HA").isEmpty)
    }

    @Test func overTheNationalDayHolidaysTheNextWorkingDayIsAfterThem() throws {
        // Friday 29 August 2025; 30 August to 2 September are days off.
        let calendar = try WorkingCalendar.load(overridesFolder: nil)
        let groups = DeadlineGroups([
            ticket("wednesday", due: "2025-09-03", .onTrack),
            ticket("thursday", due: "2025-09-04", .onTrack),
        ], today: CalendarDay(year: 2025, month: 8, day: 29), calendar: calendar)
        #expect(groups.dueNextWorkingDay.map(\.ticketId) == ["wednesday"])
    }
}
