import Foundation
import Hummingbird
import ServiceAreas
import ServiceKit
import StaffAuth
import WebPages

/// The dispatcher's incident pages (`dispatcher`, their own branch's incidents; corporation
/// staff see every branch's):
///
/// - `GET /su-co`: the live board, refreshing itself every ``refreshSeconds``: each
///   unrestored incident with its area, reports and distinct reporters, crew and the latest
///   the reporters must be told by, then the latest restored ones with their cause;
/// - `GET /su-co/{incidentId}`: one incident with its reports (phones masked) and, until power
///   is back, the forms to name the crew and to record the restoration with its cause;
/// - `POST /su-co/{incidentId}/to-sua-chua` and `POST /su-co/{incidentId}/khoi-phuc`: the same
///   checks and transaction as the API (``IncidentActions``); a refused form shows the
///   incident again with the error beside its field, in the page's language.
struct IncidentPages: Sendable {
    static let boardPath = "/su-co"
    static let refreshSeconds = 30
    /// The restored incidents the board still shows, newest first.
    static let restoredShown = 20

    let pages: WebPages
    let session: StaffPageSession
    let actions: IncidentActions
    let areas: ServiceAreaTable

    func register(on router: Router<ServiceRequestContext>) {
        WebAssets.register(on: router)
        router.get(RouterPath(String(Self.boardPath.dropFirst()))) { request, context in
            try await board(request, staff: try await session.visitor(request, context, for: .outageDesk))
        }
        router.get("su-co/:incidentId") { request, context in
            let staff = try await session.visitor(request, context, for: .outageDesk)
            return try await page(request, try context.parameters.require("incidentId"), staff: staff)
        }
        router.post("su-co/:incidentId/:action") { request, context in
            let staff = try await session.visitor(request, context, for: .outageDesk)
            let id = try context.parameters.require("incidentId")
            let form = try await WebForm.read(request)
            do {
                switch try context.parameters.require("action") {
                case "to-sua-chua": _ = try await actions.assignCrew(form.text("crew"), to: id, by: staff.claims)
                case "khoi-phuc": _ = try await actions.restore(id, cause: form.text("cause"), by: staff.claims)
                default: throw APIError.incidentNotFound
                }
            } catch let refusal as APIError {
                return try await page(request, id, staff: staff, posted: form,
                                      problems: FieldMessages(refusal.errors, in: PageLanguage(request)),
                                      status: refusal.status)
            }
            return WebPages.seeOther("\(Self.boardPath)/\(id)")
        }
    }

    private func board(_ request: Request, staff: SignedInStaff) async throws -> Response {
        let language = PageLanguage(request)
        let branch = staff.claims.ownUnit
        let (live, restored) = try await actions.store.database.read { db in
            (try IncidentReader.incidents(branchCode: branch, restored: false, limit: IncidentEndpoints.listLimit, in: db),
             try IncidentReader.incidents(branchCode: branch, restored: true, limit: Self.restoredShown, in: db))
        }
        let place = branch ?? language.pick("Toàn Tổng công ty", "The whole corporation")
        return pages.render("incidents", title: language.pick("Sự cố mất điện — \(place)", "Outage incidents — \(place)"),
                            for: request, language: language, context: [
                                "live": live.map { summary($0, in: language) }, "noneLive": live.isEmpty, "liveCount": live.count,
                                "restored": restored.map { summary($0, in: language) }, "noneRestored": restored.isEmpty,
                                "reporterCount": live.reduce(0) { $0 + $1.reporterCount },
                                "updatedAt": ShownTime.time(actions.clock.preciseNow()),
                            ], refreshSeconds: Self.refreshSeconds, staff: staff)
    }

    private func page(_ request: Request, _ id: String, staff: SignedInStaff, posted: WebForm = WebForm(fields: [:]),
                      problems: FieldMessages = FieldMessages(), status: HTTPResponse.Status = .ok)
        async throws -> Response {
        let language = PageLanguage(request)
        let incident = try await actions.incident(id, for: staff.claims)
        var context = summary(incident, in: language)
        context["errors"] = problems.all
        context["hasErrors"] = !problems.isEmpty
        context["canAct"] = incident.status != .restored
        context["reports"] = (incident.reports ?? []).map { report -> [String: Any] in
            var shown: [String: Any] = ["reportCode": report.reportCode, "phone": report.phone,
                                        "reportedAt": ShownTime.dayAndTime(report.reportedAt), "counted": report.counted]
            shown["note"] = report.note
            shown["customerCode"] = report.customerCode
            return shown
        }
        context["crewField"] = FormField.input("crew", label: ("Tổ sửa chữa được cử", "Crew sent"), in: language,
                                               value: posted["crew"] ?? incident.crew, error: problems["crew"],
                                               hint: ("Ví dụ: Tổ sửa chữa 2", "For example: Tổ sửa chữa 2"))
        context["causeField"] = FormField.input("cause", label: ("Nguyên nhân mất điện", "Cause of the outage"),
                                                in: language, value: posted["cause"], error: problems["cause"],
                                                hint: ("Được báo cho khách hàng đã báo mất điện", "Told to every customer who reported"))
        return pages.render("incident", title: language.pick("Sự cố \(id)", "Incident \(id)"), for: request,
                            language: language, context: context, status: status, staff: staff)
    }

    /// What the board and the incident's page show of `incident`, in `language`.
    private func summary(_ incident: IncidentView, in language: PageLanguage) -> [String: Any] {
        var summary: [String: Any] = [
            "incidentId": incident.incidentId, "area": area(incident.area, in: language),
            "status": incident.status.rawValue, "statusLabel": incident.status.shown(in: language),
            "reportCount": incident.reportCount, "reporterCount": incident.reporterCount,
            "openedAt": ShownTime.dayAndTime(incident.openedAt), "informBy": ShownTime.dayAndTime(incident.informBy),
        ]
        summary["crew"] = incident.crew
        summary["cause"] = incident.cause
        summary["restoredAt"] = incident.restoredAt.map(ShownTime.dayAndTime)
        return summary
    }

    /// An incident's area (`station:<code>`, `commune:<code>`, `branch`) as dispatch names it.
    private func area(_ area: String, in language: PageLanguage) -> String {
        let parts = area.split(separator: ":", maxSplits: 1).map(String.init)
        switch (parts.first, parts.count == 2 ? parts[1] : nil) {
        case ("station", let code?): return language.pick("Trạm biến áp \(code)", "Transformer station \(code)")
        case ("commune", let code?):
            return areas.area(communeCode: code)?.communeName ?? language.pick("Xã/phường \(code)", "Commune \(code)")
        default: return language.pick("Khu vực chưa xác định của điện lực", "The branch, place not known")
        }
    }

    static let templates: [String: String] = [
        "incidents": """
            <p role="status" id="live-count">{{#vi}}Đang mất điện{{/vi}}{{#en}}Without power{{/en}}: <strong>{{liveCount}}</strong> {{#vi}}sự cố{{/vi}}{{#en}}incident(s){{/en}}, <strong>{{reporterCount}}</strong> {{#vi}}khách hàng đã báo{{/vi}}{{#en}}customers reported{{/en}} · {{#vi}}Cập nhật{{/vi}}{{#en}}Updated{{/en}} {{updatedAt}}</p>
            {{#noneLive}}<p>{{#vi}}Không có sự cố nào đang mất điện.{{/vi}}{{#en}}No incident without power.{{/en}}</p>{{/noneLive}}
            {{^noneLive}}<table class="tickets" id="live">
              <thead><tr><th scope="col">{{#vi}}Sự cố{{/vi}}{{#en}}Incident{{/en}}</th><th scope="col">{{#vi}}Khu vực{{/vi}}{{#en}}Area{{/en}}</th>
                <th scope="col">{{#vi}}Báo / khách{{/vi}}{{#en}}Reports / customers{{/en}}</th><th scope="col">{{#vi}}Tình trạng{{/vi}}{{#en}}Status{{/en}}</th></tr></thead>
              <tbody>{{#live}}<tr id="incident-{{incidentId}}"><td><a href="/su-co/{{incidentId}}">{{incidentId}}</a><br>{{openedAt}}</td><td>{{area}}</td>
                <td>{{reportCount}} / {{reporterCount}}</td><td class="incident-status">{{statusLabel}}{{#crew}} · {{crew}}{{/crew}}<br>{{#vi}}Báo khách trước{{/vi}}{{#en}}Tell customers by{{/en}} {{informBy}}</td></tr>{{/live}}</tbody>
            </table>{{/noneLive}}
            <h2>{{#vi}}Đã khôi phục gần đây{{/vi}}{{#en}}Recently restored{{/en}}</h2>
            {{#noneRestored}}<p>{{#vi}}Chưa có.{{/vi}}{{#en}}None yet.{{/en}}</p>{{/noneRestored}}
            {{^noneRestored}}<table class="tickets" id="restored">
              <thead><tr><th scope="col">{{#vi}}Sự cố{{/vi}}{{#en}}Incident{{/en}}</th><th scope="col">{{#vi}}Khu vực{{/vi}}{{#en}}Area{{/en}}</th>
                <th scope="col">{{#vi}}Khôi phục{{/vi}}{{#en}}Restored{{/en}}</th><th scope="col">{{#vi}}Nguyên nhân{{/vi}}{{#en}}Cause{{/en}}</th></tr></thead>
              <tbody>{{#restored}}<tr id="incident-{{incidentId}}"><td><a href="/su-co/{{incidentId}}">{{incidentId}}</a></td><td>{{area}}</td>
                <td class="incident-status">{{statusLabel}} {{restoredAt}}</td><td class="cause">{{cause}}</td></tr>{{/restored}}</tbody>
            </table>{{/noneRestored}}
            """,
        "incident": """
            \(FormField.errorSummary)
            <p><a href="/su-co">{{#vi}}← Bảng sự cố{{/vi}}{{#en}}← Incident board{{/en}}</a></p>
            <dl id="incident">
              <dt>{{#vi}}Khu vực{{/vi}}{{#en}}Area{{/en}}</dt><dd id="area">{{area}}</dd>
              <dt>{{#vi}}Tình trạng{{/vi}}{{#en}}Status{{/en}}</dt><dd id="status">{{statusLabel}}</dd>
              <dt>{{#vi}}Báo mất điện{{/vi}}{{#en}}Reports{{/en}}</dt><dd id="counts">{{reportCount}} {{#vi}}lần, từ{{/vi}}{{#en}}from{{/en}} {{reporterCount}} {{#vi}}khách hàng{{/vi}}{{#en}}customer(s){{/en}}</dd>
              <dt>{{#vi}}Bắt đầu{{/vi}}{{#en}}Since{{/en}}</dt><dd>{{openedAt}} · {{#vi}}báo khách trước{{/vi}}{{#en}}tell customers by{{/en}} {{informBy}}</dd>
              {{#crew}}<dt>{{#vi}}Tổ sửa chữa{{/vi}}{{#en}}Crew{{/en}}</dt><dd id="crew">{{crew}}</dd>{{/crew}}
              {{#cause}}<dt>{{#vi}}Nguyên nhân{{/vi}}{{#en}}Cause{{/en}}</dt><dd id="cause">{{cause}}</dd>{{/cause}}
              {{#restoredAt}}<dt>{{#vi}}Khôi phục lúc{{/vi}}{{#en}}Restored at{{/en}}</dt><dd id="restored-at">{{restoredAt}}</dd>{{/restoredAt}}
            </dl>
            {{#canAct}}
            <form method="post" action="/su-co/{{incidentId}}/to-sua-chua" novalidate>
              <h2>{{#vi}}Cử tổ sửa chữa{{/vi}}{{#en}}Send a crew{{/en}}</h2>
              {{#crewField}}\(FormField.snippet){{/crewField}}
              <button type="submit" id="assign-crew">{{#vi}}Ghi nhận tổ sửa chữa{{/vi}}{{#en}}Record the crew{{/en}}</button>
            </form>
            <form method="post" action="/su-co/{{incidentId}}/khoi-phuc" novalidate>
              <h2>{{#vi}}Khôi phục cấp điện{{/vi}}{{#en}}Power restored{{/en}}</h2>
              {{#causeField}}\(FormField.snippet){{/causeField}}
              <button type="submit" id="restore">{{#vi}}Đã có điện trở lại — báo khách hàng{{/vi}}{{#en}}Power is back — tell the customers{{/en}}</button>
            </form>
            {{/canAct}}
            <h2>{{#vi}}Các lần báo{{/vi}}{{#en}}Reports{{/en}}</h2>
            <ol class="timeline" id="reports">{{#reports}}<li><time>{{reportedAt}}</time>{{reportCode}} · {{phone}}{{#customerCode}} · {{customerCode}}{{/customerCode}}{{#note}} — {{note}}{{/note}}{{^counted}} {{#vi}}(báo lại){{/vi}}{{#en}}(repeat){{/en}}{{/counted}}</li>{{/reports}}</ol>
            """,
    ]
}
