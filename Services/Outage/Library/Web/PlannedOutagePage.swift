import Contracts
import Foundation
import Hummingbird
import ServiceKit
import StaffAuth
import VietnameseIdentity
import WebPages

/// The dispatcher's planned outages (`dispatcher`, their own branch; corporation staff name it):
///
/// - `GET /cat-dien-ke-hoach`: the outages not yet over, soonest first, with their communes,
///   times, reason, status in words and the urgent reason of a short notice; and the form to
///   schedule one;
/// - `POST /cat-dien-ke-hoach`: schedules it through the same rules and transaction as the
///   API (``PlannedOutageSchedule``): customers must hear of it five days ahead unless an urgent
///   reason is given. A refused form shows every error beside its field in the page's language.
struct PlannedOutagePage: Sendable {
    static let path = "/cat-dien-ke-hoach"

    let pages: WebPages
    let session: StaffPageSession
    let schedule: PlannedOutageSchedule

    func register(on router: Router<ServiceRequestContext>) {
        let route = RouterPath(String(Self.path.dropFirst()))
        router.get(route) { request, context in
            let staff = try await session.visitor(request, context, for: .outageDesk)
            return try await page(request, staff: staff, branch: request.uri.queryParameters.get("branchCode"))
        }
        router.post(route) { request, context in
            let staff = try await session.visitor(request, context, for: .outageDesk)
            let form = try await WebForm.read(request)
            let outcome: PlannedOutageDesk.Outcome
            do {
                outcome = try await schedule.schedule(Self.outage(form), by: staff.claims)
            } catch let refusal as APIError {
                return try await page(request, staff: staff, branch: form.text("branchCode"), posted: form,
                                      problems: FieldMessages(Self.onInputs(refusal.errors), in: PageLanguage(request)),
                                      status: refusal.status)
            }
            guard case .done(let outage, let notified) = outcome else { throw APIError.plannedOutageNotFound }
            return WebPages.seeOther("\(Self.path)?scheduled=\(outage.plannedOutageId)&notified=\(notified)")
        }
    }

    /// The planned outage as the form posts it: communes separated by commas or spaces, the
    /// browser's local times (`2026-12-10T07:30`) taken as Vietnam's.
    static func outage(_ form: WebForm) -> PlannedOutageForm {
        PlannedOutageForm(
            branchCode: form.text("branchCode"),
            communeCodes: form.text("communeCodes")?.split(whereSeparator: { $0 == "," || $0.isWhitespace }).map(String.init),
            location: form.text("location"), reason: form.text("reason"),
            startsAt: form.text("startsAt").map(vietnamInstant), endsAt: form.text("endsAt").map(vietnamInstant),
            urgentReason: form.text("urgentReason"))
    }

    /// A local time without an offset, as `datetime-local` posts it, in Vietnam; anything else as typed.
    static func vietnamInstant(_ text: String) -> String {
        let text = text.trimmingCharacters(in: .whitespaces)
        switch text.count {
        case 16 where text.dropFirst(10).first == "T": return "\(text):00+07:00"
        case 19 where text.dropFirst(10).first == "T": return "\(text)+07:00"
        default: return text
        }
    }

    /// The errors as the page's inputs hold them: a commune's (`communeCodes[2]`) beside the one communes input.
    static func onInputs(_ errors: [FieldError]) -> [FieldError] {
        errors.map { error in
            guard error.field.hasPrefix("communeCodes[") else { return error }
            return FieldError(field: "communeCodes", code: error.code, message: error.message)
        }
    }

    private func page(_ request: Request, staff: SignedInStaff, branch: String?, posted: WebForm = WebForm(fields: [:]),
                      problems: FieldMessages = FieldMessages(), status: HTTPResponse.Status = .ok)
        async throws -> Response {
        let language = PageLanguage(request)
        let outages = try await schedule.outages(branchCode: branch, for: staff.claims)
        let rows = outages.map { outage -> [String: Any] in
            var row: [String: Any] = [
                "plannedOutageId": outage.plannedOutageId, "communes": outage.communeCodes.joined(separator: ", "),
                "location": outage.location, "reason": outage.reason, "statusLabel": outage.status.shown(in: language),
                "startsAt": ShownTime.dayAndTime(outage.startsAt), "endsAt": ShownTime.dayAndTime(outage.endsAt),
            ]
            row["urgentReason"] = outage.urgentReason
            return row
        }
        func input(_ name: String, _ label: (String, String), type: String = "text", hint: (String, String)? = nil)
            -> [String: Any] {
            FormField.input(name, label: label, in: language, value: posted[name], error: problems[name], type: type,
                            hint: hint)
        }
        var fields = [
            input("communeCodes", ("Mã xã/phường bị cắt điện", "Codes of the communes without power"),
                  hint: ("Cách nhau bằng dấu phẩy, ví dụ 20350, 20356", "Separated by commas, e.g. 20350, 20356")),
            input("location", ("Khu vực (báo cho khách hàng)", "Place (told to customers)")),
            input("reason", ("Lý do (báo cho khách hàng)", "Reason (told to customers)")),
            input("startsAt", ("Bắt đầu", "Starts"), type: "datetime-local"),
            input("endsAt", ("Dự kiến có điện lại", "Power expected back"), type: "datetime-local"),
            input("urgentReason", ("Lý do khẩn cấp", "Urgent reason"),
                  hint: ("Bắt buộc khi báo trước dưới \(PlannedOutageRules.minimumNoticeDays) ngày",
                         "Required when customers are told less than \(PlannedOutageRules.minimumNoticeDays) days ahead")),
        ]
        if staff.claims.ownUnit == nil {
            fields.insert(input("branchCode", ("Mã điện lực", "Branch code")), at: 0)
        }
        var context: [String: Any] = [
            "outages": rows, "empty": rows.isEmpty, "fields": fields, "errors": problems.all, "hasErrors": !problems.isEmpty,
        ]
        let query = request.uri.queryParameters
        if let scheduled = query.get("scheduled"), outages.contains(where: { $0.plannedOutageId == scheduled }) {
            context["scheduled"] = ["id": scheduled, "notified": query.get("notified").flatMap { Int($0) } ?? 0]
        }
        let place = staff.claims.ownUnit ?? branch ?? language.pick("Toàn Tổng công ty", "The whole corporation")
        return pages.render("plannedOutages", title: language.pick("Lịch cắt điện có kế hoạch — \(place)",
                                                                   "Planned outages — \(place)"),
                            for: request, language: language, context: context, status: status, staff: staff)
    }

    static let template = """
        \(FormField.errorSummary)
        {{#scheduled}}<p class="notice" role="status" id="scheduled">{{#vi}}Đã lập lịch{{/vi}}{{#en}}Scheduled{{/en}} <strong>{{id}}</strong>; {{#vi}}đã gửi thông báo cho{{/vi}}{{#en}}notices sent to{{/en}} {{notified}} {{#vi}}khách hàng{{/vi}}{{#en}}customer(s){{/en}}.</p>{{/scheduled}}
        {{#empty}}<p>{{#vi}}Chưa có lịch cắt điện nào sắp tới.{{/vi}}{{#en}}No planned outage ahead.{{/en}}</p>{{/empty}}
        {{^empty}}<table class="tickets" id="planned-outages">
          <thead><tr><th scope="col">{{#vi}}Lịch{{/vi}}{{#en}}Outage{{/en}}</th><th scope="col">{{#vi}}Thời gian{{/vi}}{{#en}}When{{/en}}</th>
            <th scope="col">{{#vi}}Khu vực, lý do{{/vi}}{{#en}}Place, reason{{/en}}</th><th scope="col">{{#vi}}Tình trạng{{/vi}}{{#en}}Status{{/en}}</th></tr></thead>
          <tbody>{{#outages}}<tr id="outage-{{plannedOutageId}}"><td>{{plannedOutageId}}</td><td>{{startsAt}} → {{endsAt}}</td>
            <td>{{location}} ({{communes}}) — {{reason}}{{#urgentReason}}<br>{{#vi}}Khẩn cấp{{/vi}}{{#en}}Urgent{{/en}}: {{urgentReason}}{{/urgentReason}}</td><td>{{statusLabel}}</td></tr>{{/outages}}</tbody>
        </table>{{/empty}}
        <form method="post" action="/cat-dien-ke-hoach" id="schedule-form" novalidate>
          <h2>{{#vi}}Lập lịch cắt điện{{/vi}}{{#en}}Schedule an outage{{/en}}</h2>
          {{#fields}}\(FormField.snippet){{/fields}}
          <button type="submit" id="schedule">{{#vi}}Lập lịch và báo khách hàng{{/vi}}{{#en}}Schedule and tell the customers{{/en}}</button>
        </form>
        """
}
