import StaffDirectory
import WebPages
import WorkingCalendar

/// The deadline digest's subjects and plain-text bodies, Vietnamese first, then English: each
/// ticket with its code, its kind in words, its due date and the link to its page.
struct DeadlineNoticeText: Sendable {
    let links: TicketLinks

    /// The morning digest of `groups` for `person`: their own tickets, or with `wholeBranch` (the
    /// branch head's) every ticket of the branch with the officer who works it.
    func digest(_ groups: DeadlineGroups, branchCode: String, to person: DirectoryPerson, wholeBranch: Bool,
                today: CalendarDay, nextWorkingDay: CalendarDay) -> (subject: String, text: String) {
        let day = ShownTime.day(today.description)
        let subject = "[\(branchCode)] Phiếu đến hạn và quá hạn ngày \(day) / Tickets due and late on \(day)"
        let text = PageLanguage.allCases.map { language in
            let heading = wholeBranch
                ? language.pick("Các phiếu của điện lực \(branchCode) cần chú ý ngày \(day):",
                                "The tickets of branch \(branchCode) that need attention on \(day):")
                : language.pick("Các phiếu được giao cho anh/chị cần chú ý ngày \(day):",
                                "The tickets assigned to you that need attention on \(day):")
            let next = ShownTime.day(nextWorkingDay.description)
            let sections = [
                (language.pick("Quá hạn", "Late"), groups.breached),
                (language.pick("Đến hạn hôm nay", "Due today"), groups.dueToday),
                (language.pick("Đến hạn ngày làm việc tiếp theo (\(next))", "Due on the next working day (\(next))"),
                 groups.dueNextWorkingDay),
            ].map { title, tickets in
                "\(title) (\(tickets.count)):\n" + (tickets.isEmpty
                    ? language.pick("- Không có phiếu nào.", "- None.")
                    : tickets.map { line($0, withOfficer: wholeBranch, language: language) }.joined(separator: "\n"))
            }
            return ([greeting(person, language), heading] + sections).joined(separator: "\n\n")
        }.joined(separator: "\n\n---\n\n")
        return (subject, text)
    }

    private func greeting(_ person: DirectoryPerson, _ language: PageLanguage) -> String {
        language.pick("Kính gửi \(person.displayName),", "Dear \(person.displayName),")
    }

    /// `- <code> · <kind> · hạn <due> [· người xử lý: <officer>]` and the link under it.
    private func line(_ ticket: TicketSummary, withOfficer: Bool, language: PageLanguage) -> String {
        var parts = [ticket.requestCode ?? ticket.ticketId, BranchPages.kind(ticket.kind, ticket.requestKind, language),
                     language.pick("hạn", "due") + " " + ShownTime.day(ticket.dueDate)]
        if withOfficer {
            parts.append(language.pick("người xử lý: ", "officer: ")
                + (ticket.assignedTo ?? language.pick("chưa giao", "not assigned")))
        }
        return "- " + parts.joined(separator: " · ") + "\n  " + links.page(ticket.ticketId)
    }
}
