import Contracts
import Foundation
import GRDB
import Hummingbird
import ServiceKit
import StaffAuth
import WebPages
import WorkingCalendar

/// The branch's pages, for customer-service staff signed in at the staff sign-in (the
/// `staff_token` cookie, the token of the API; branch staff see their branch, corporation staff
/// every branch):
///
/// - `GET /phieu`: the open tickets by due date, each with its working days left and its officer,
///   each linking to its page (``TicketPage``); `GET /phieu?cua-toi=1`, the signed-in officer's own,
///   with an alert naming those due today or past their deadline;
/// - `GET /bang-tin`: the wall board for the transaction office's screen: full-screen, large
///   type, refreshing itself every ``refreshSeconds``, tickets coloured by SLA state, with the
///   counts of the deadline digest's three groups (``DeadlineGroups``): due on the next working
///   day, due today and breached.
struct BranchPages: Sendable {
    static let refreshSeconds = 30

    let pages: WebPages
    let session: StaffPageSession
    let database: DatabasePool
    let views: TicketViews
    let policy: ServiceTimePolicy
    let clock: WallClock

    func register(on router: Router<ServiceRequestContext>) {
        WebAssets.register(on: router)
        router.get("phieu") { request, context in try await page(request, context, "tickets", for: .tickets) }
        router.get("bang-tin") { request, context in try await page(request, context, "wallboard", for: .wallBoard) }
    }

    private func page(_ request: Request, _ context: ServiceRequestContext, _ name: String, for duty: StaffDuty)
        async throws -> Response {
        let staff = try await session.visitor(request, context, for: duty)
        let claims = staff.claims
        let language = PageLanguage(request)
        let unit = claims.ownUnit
        let today = CalendarDay(clock.now())
        let views = views
        let tickets = try await database.read { db in try views.list(branchCode: unit, today: today, in: db).tickets }
        let mine = name == "tickets" && request.uri.queryParameters.get("cua-toi") == "1"
        let open = tickets.filter { $0.status == .open && (!mine || $0.assignedTo == claims.staffId) }
        let deadlines = DeadlineGroups(open, today: today, calendar: policy.calendar)
        let rows = open.map { row($0, today: today, language: language) }
        let pressing = mine ? open.filter { [.dueToday, .breached].contains($0.slaState) }.map { $0.requestCode ?? $0.ticketId } : []
        let unpublished = unpublishedYears(today: today, open: open)
        let place = unit ?? language.pick("Toàn Tổng công ty", "The whole corporation")
        let title = if name == "wallboard" {
            language.pick("Bảng theo dõi phiếu yêu cầu — \(place)", "Ticket board — \(place)")
        } else if mine {
            language.pick("Phiếu được giao cho tôi — \(claims.staffId)", "My tickets — \(claims.staffId)")
        } else {
            language.pick("Phiếu yêu cầu đang xử lý — \(place)", "Open tickets — \(place)")
        }
        return pages.render(name, title: title, for: request, language: language, context: [
            "tickets": rows, "empty": rows.isEmpty, "openCount": rows.count, "mine": mine,
            "pressing": !pressing.isEmpty, "pressingCodes": pressing.joined(separator: ", "),
            "dueNextCount": deadlines.dueNextWorkingDay.count, "dueTodayCount": deadlines.dueToday.count,
            "breachedCount": deadlines.breached.count,
            "bodyClass": name == "wallboard" ? "wall" : "",
            "calendarWarning": !unpublished.isEmpty,
            "unpublishedYears": unpublished.map(String.init).joined(separator: ", "),
            "updatedAt": ShownTime.time(clock.now()),
        ], refreshSeconds: name == "wallboard" ? Self.refreshSeconds : nil, staff: staff)
    }

    /// One ticket as both pages show it: code, what it is, due date, working days left.
    private func row(_ ticket: TicketSummary, today: CalendarDay, language: PageLanguage) -> [String: Any] {
        let due = CalendarDay(ticket.dueDate) ?? today
        let left = policy.calendar.workingDays(from: today, to: due)
        let countdown = switch ticket.slaState {
        case .dueToday: language.pick("Hạn hôm nay", "Due today")
        case .breached: language.pick("Quá hạn \(max(1, -left)) ngày làm việc", "\(max(1, -left)) working day(s) late")
        default: language.pick("Còn \(left) ngày làm việc", "\(left) working day(s) left")
        }
        return [
            "code": ticket.requestCode ?? ticket.ticketId, "ticketId": ticket.ticketId, "kind": Self.kind(ticket.kind, ticket.requestKind, language),
            "dueDate": ShownTime.day(due.description), "countdown": countdown, "sla": ticket.slaState.rawValue,
            "officer": ticket.assignedTo ?? language.pick("Chưa giao", "Not assigned"),
        ]
    }

    /// The years without a published holiday schedule that today or an open ticket's due date
    /// falls in: those due dates follow the statutory holidays alone and may move once the
    /// government's decision is out, so the officers promising them must know.
    private func unpublishedYears(today: CalendarDay, open: [TicketSummary]) -> [Int] {
        let years = Set(open.compactMap { CalendarDay($0.dueDate)?.year }).union([today.year])
        return years.filter { !policy.calendar.hasPublishedSchedule(for: $0) }.sorted()
    }

    /// What a ticket is about, as staff say it: a request's kind, an amendment, or an inquiry with
    /// the channel it came by.
    static func kind(_ kind: TicketKind?, _ requestKind: RequestKind?, _ language: PageLanguage) -> String {
        switch kind {
        case .inquiry: language.pick("Hỏi đáp · E-mail", "Inquiry · E-mail")
        case .contractAmendment: language.pick("Điều chỉnh số hộ hợp đồng", "Household amendment")
        default: requestKind?.shown(in: language) ?? ""
        }
    }

    /// Both pages' banner over a due date counted on an unpublished year.
    private static let calendarWarning = """
        {{#calendarWarning}}<p class="notice" role="alert" id="calendar-warning">{{#vi}}Lịch nghỉ lễ, Tết năm {{unpublishedYears}} chưa được công bố: hạn xử lý trong năm đó tính theo ngày nghỉ luật định và có thể đổi khi có quyết định.{{/vi}}{{#en}}The {{unpublishedYears}} holiday schedule is not published yet: due dates in that year follow the statutory holidays alone and may move once it is.{{/en}}</p>{{/calendarWarning}}
        """

    static let templates: [String: String] = [
        "tickets": """
            \(calendarWarning)<p><a href="/bang-tin">{{#vi}}Mở bảng theo dõi toàn màn hình{{/vi}}{{#en}}Open the full-screen board{{/en}}</a>
              · {{#mine}}<a href="/phieu" id="all-tickets">{{#vi}}Tất cả phiếu của điện lực{{/vi}}{{#en}}All the branch's tickets{{/en}}</a>{{/mine}}{{^mine}}<a href="/phieu?cua-toi=1" id="my-tickets">{{#vi}}Phiếu được giao cho tôi{{/vi}}{{#en}}My tickets{{/en}}</a>{{/mine}}</p>
            {{#pressing}}<p class="notice" role="alert" id="deadline-alert">{{#vi}}Phiếu được giao cho bạn đến hạn hôm nay hoặc đã quá hạn: {{pressingCodes}}{{/vi}}{{#en}}Tickets of yours due today or past their deadline: {{pressingCodes}}{{/en}}</p>{{/pressing}}
            {{#empty}}<p>{{#vi}}Không có phiếu nào đang xử lý.{{/vi}}{{#en}}No open ticket.{{/en}}</p>{{/empty}}
            {{^empty}}
            <table class="tickets" id="tickets">
              <thead><tr><th scope="col">{{#vi}}Mã{{/vi}}{{#en}}Code{{/en}}</th><th scope="col">{{#vi}}Loại{{/vi}}{{#en}}Kind{{/en}}</th>
                <th scope="col">{{#vi}}Hạn{{/vi}}{{#en}}Due{{/en}}</th><th scope="col">{{#vi}}Còn lại{{/vi}}{{#en}}Left{{/en}}</th>
                <th scope="col">{{#vi}}Người xử lý{{/vi}}{{#en}}Officer{{/en}}</th></tr></thead>
              <tbody>{{#tickets}}<tr class="ticket" data-code="{{code}}"><td><a href="/phieu/{{ticketId}}">{{code}}</a></td><td>{{kind}}</td><td>{{dueDate}}</td>
                <td class="sla-{{sla}}">{{countdown}}</td><td class="officer">{{officer}}</td></tr>{{/tickets}}</tbody>
            </table>
            {{/empty}}
            """,
        "wallboard": """
            \(calendarWarning)<div class="counts" role="status">
              <div id="open-count">{{#vi}}Đang xử lý{{/vi}}{{#en}}Open{{/en}}: {{openCount}}</div>
              <div id="due-next-count">{{#vi}}Đến hạn ngày làm việc tiếp theo{{/vi}}{{#en}}Due on the next working day{{/en}}: {{dueNextCount}}</div>
              <div id="due-today-count">{{#vi}}Đến hạn hôm nay{{/vi}}{{#en}}Due today{{/en}}: {{dueTodayCount}}</div>
              <div id="breached-count">{{#vi}}Quá hạn{{/vi}}{{#en}}Breached{{/en}}: {{breachedCount}}</div>
              <div>{{#vi}}Cập nhật{{/vi}}{{#en}}Updated{{/en}} {{updatedAt}}</div>
            </div>
            <ul class="board" id="board">{{#tickets}}<li class="ticket sla-{{sla}}" data-code="{{code}}">
              <span class="ticket-code">{{code}}</span>{{kind}}<br>{{#vi}}Hạn{{/vi}}{{#en}}Due{{/en}} {{dueDate}} · {{countdown}}</li>{{/tickets}}</ul>
            {{#empty}}<p>{{#vi}}Không có phiếu nào đang xử lý.{{/vi}}{{#en}}No open ticket.{{/en}}</p>{{/empty}}
            """,
    ]
}
