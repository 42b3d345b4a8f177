import WorkingCalendar

/// The open tickets that need someone's attention on a day, in the three groups a branch works
/// by: past their due date, due today, and due on the next working day (so that they can be
/// finished in time). Working days are the SLA clock's: on a Friday, "next" is Monday, or the
/// day after a holiday.
struct DeadlineGroups: Sendable {
    var breached: [TicketSummary] = []
    var dueToday: [TicketSummary] = []
    var dueNextWorkingDay: [TicketSummary] = []

    /// Sorts the open ones of `tickets` into the groups, on `today` and `calendar`; the rest are
    /// left out, and each group keeps the order of `tickets`.
    init(_ tickets: [TicketSummary], today: CalendarDay, calendar: WorkingCalendar) {
        let next = calendar.nextWorkingDay(after: today).description
        for ticket in tickets where ticket.status == .open {
            switch ticket.slaState {
            case .breached: breached.append(ticket)
            case .dueToday: dueToday.append(ticket)
            case .onTrack where ticket.dueDate == next: dueNextWorkingDay.append(ticket)
            default: break
            }
        }
    }

    private init(breached: [TicketSummary], dueToday: [TicketSummary], dueNextWorkingDay: [TicketSummary]) {
        self.breached = breached
        self.dueToday = dueToday
        self.dueNextWorkingDay = dueNextWorkingDay
    }

    /// Every ticket of the three groups.
    var all: [TicketSummary] { breached + dueToday + dueNextWorkingDay }

    var isEmpty: Bool { all.isEmpty }

    /// The groups of one branch.
    func of(branch branchCode: String) -> DeadlineGroups {
        filter { $0.branchCode == branchCode }
    }

    /// The groups of the tickets `officerId` works now.
    func assigned(to officerId: String) -> DeadlineGroups {
        filter { $0.assignedTo == officerId }
    }

    private func filter(_ keep: (TicketSummary) -> Bool) -> DeadlineGroups {
        DeadlineGroups(breached: breached.filter(keep), dueToday: dueToday.filter(keep),
                       dueNextWorkingDay: dueNextWorkingDay.filter(keep))
    }
}
