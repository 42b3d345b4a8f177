import Contracts
import Foundation
import Hummingbird
import ServiceKit
import StaffAuth
import VietnameseIdentity
import WebPages

/// `GET /tong-dai[?phone=|?customerCode=]`: the call-centre console's start, for a signed-in
/// operator (role `call_centre`): find the caller by phone or customer code, see their customer
/// codes, their recent requests with where each stands (crm's last step and due date) and their
/// outage reports of the last week, and file a new request or outage report for them, the forms
/// filled with the caller's phone and customer code. An operator of a branch sees that branch's
/// requests only; the corporation's hotline (`CORP`) sees all.
///
/// With the agent's extension entered, the console listens for the calls ringing at it
/// (``CallCentreEvents``) and shows each caller's page by itself, without a reload.
struct CallCentrePages: Sendable {
    let pages: WebPages
    let session: StaffPageSession
    let directory: CallerDirectory
    let timeline: TimelineLookup
    let clock: WallClock

    func register(on router: Router<ServiceRequestContext>) {
        router.get("tong-dai") { request, context in
            try await console(request, operator: try await session.visitor(request, context, for: .callCentre))
        }
    }

    private func console(_ request: Request, operator staff: SignedInStaff) async throws -> Response {
        let language = PageLanguage(request)
        let claims = staff.claims
        let asked = WebForm(query: request)
        var validation = Validation()
        let phone = validation.optional("phone", asked["phone"], VietnamesePhoneNumber.init)
        let code = validation.optional("customerCode", asked["customerCode"]) { (text: String) throws(IntakeProblem) in
            guard let code = CustomerCode(text) else { throw .customerCodeFormat }
            return code
        }
        var context: [String: Any] = [
            "operator": claims.staffId,
            "phone": FormField.input("phone", label: ("Số điện thoại của khách hàng", "Caller's phone"), in: language,
                                     value: asked["phone"], error: nil, type: "tel"),
            "customerCode": FormField.input("customerCode", label: ("hoặc mã khách hàng", "or customer code"), in: language,
                                            value: asked["customerCode"], error: nil),
            "kinds": RequestKind.allCases.filter { !$0.isConnection }.map {
                ["link": "/tong-dai/dich-vu/\($0.rawValue)", "label": $0.shown(in: language)]
            },
            "outageLink": "/tong-dai/bao-mat-dien",
            "connectionLink": "/tong-dai/cap-dien-moi",
        ]
        do {
            try validation.finish()
        } catch {
            let messages = FieldMessages(error.errors, in: language)
            context["errors"] = messages.all
            context["hasErrors"] = true
            return pages.render("callCentre", title: language.pick("Tổng đài", "Call centre"), for: request,
                                language: language, context: context, status: .unprocessableContent, staff: staff)
        }
        if phone != nil || code != nil {
            context["searched"] = true
            let requests = try await requests(phoneE164: phone?.e164, customerCode: code?.description, operator: claims,
                                              language: language)
            context["requests"] = requests
            context["none"] = requests.isEmpty
            let reports = try await directory.outageReports(
                phoneE164: phone?.e164, customerCode: code?.description, unit: claims.ownUnit,
                since: clock.now() - CallerDirectory.reportWindow)
            context["reports"] = reports.map { report -> [String: Any] in
                ["code": report.reportCode, "customerCode": report.customerCode ?? "",
                 "channel": Channel(rawValue: report.channel)?.shown(in: language) ?? report.channel,
                 "reportedAt": ShownTime.dayAndTime(report.reportedAt)]
            }
            var customerCodes: [String] = []
            if let phone { customerCodes = try await directory.customerCodes(phoneE164: phone.e164, unit: claims.ownUnit) }
            if let code, !customerCodes.contains(code.description) { customerCodes.insert(code.description, at: 0) }
            context["customerCodes"] = customerCodes.map { ["code": $0] }
            context["hasCustomerCodes"] = !customerCodes.isEmpty
            context["hasReports"] = !reports.isEmpty
            context["connectionLink"] = ConsoleLink.to("/tong-dai/cap-dien-moi", [("applicant.phone", phone?.e164)])
            context["outageLink"] = ConsoleLink.to("/tong-dai/bao-mat-dien",
                                                   [("phone", phone?.e164), ("customerCode", customerCodes.first)])
            context["kinds"] = RequestKind.allCases.filter { !$0.isConnection }.map { kind in
                ["label": kind.shown(in: language),
                 "link": ConsoleLink.to("/tong-dai/dich-vu/\(kind.rawValue)",
                                        [("requester.phone", phone?.e164), ("customerCode", customerCodes.first)])]
            }
        }
        return pages.render("callCentre", title: language.pick("Tổng đài", "Call centre"), for: request,
                            language: language, context: context, staff: staff)
    }

    /// The caller's requests, newest first, each with crm's latest step and due date.
    private func requests(phoneE164: String?, customerCode: String?, operator claims: StaffClaims,
                          language: PageLanguage) async throws -> [[String: Any]] {
        var rows: [[String: Any]] = []
        for filed in try await directory.requests(phoneE164: phoneE164, customerCode: customerCode, unit: claims.ownUnit) {
            let answer = await timeline.timeline(of: filed.requestCode)
            var row: [String: Any] = [
                "code": filed.requestCode, "kind": RequestKind(rawValue: filed.kind)?.shown(in: language) ?? filed.kind,
                "submittedAt": ShownTime.dayAndTime(filed.submittedAt), "branch": filed.branchName,
            ]
            row["lastStep"] = answer?.steps.last.map { language.pick($0.label.vi, $0.label.en) }
            row["dueDate"] = answer.map { ShownTime.day($0.dueDate.description) }
            rows.append(row)
        }
        return rows
    }

    static let template = """
        <p class="notice" id="operator">{{#vi}}Điện thoại viên{{/vi}}{{#en}}Operator{{/en}}: <strong>{{operator}}</strong></p>
        <form id="extension-form" class="inline">
          <label for="extension">{{#vi}}Số máy lẻ của bạn{{/vi}}{{#en}}Your extension{{/en}}</label>
          <input type="text" id="extension" name="extension" inputmode="numeric" pattern="[0-9]{2,8}" autocomplete="off">
          <button type="submit">{{#vi}}Nhận cuộc gọi đến{{/vi}}{{#en}}Show incoming calls{{/en}}</button>
          <p id="listening" hidden>{{#vi}}Đang chờ cuộc gọi ở máy lẻ{{/vi}}{{#en}}Waiting for calls at extension{{/en}} <strong></strong></p>
        </form>
        \(FormField.errorSummary)
        <form method="get" action="/tong-dai" id="find-caller">
          {{#phone}}\(FormField.snippet){{/phone}}
          {{#customerCode}}\(FormField.snippet){{/customerCode}}
          <button type="submit" id="submit">{{#vi}}Tìm khách hàng{{/vi}}{{#en}}Find the caller{{/en}}</button>
        </form>
        <section id="caller">
        {{#searched}}
        <h2>{{#vi}}Mã khách hàng{{/vi}}{{#en}}Customer codes{{/en}}</h2>
        {{#hasCustomerCodes}}<ul id="customer-codes">{{#customerCodes}}<li>{{code}}</li>{{/customerCodes}}</ul>{{/hasCustomerCodes}}
        {{^hasCustomerCodes}}<p id="no-customer-codes">{{#vi}}Chưa biết mã khách hàng nào.{{/vi}}{{#en}}No customer code known.{{/en}}</p>{{/hasCustomerCodes}}
        <h2>{{#vi}}Yêu cầu của khách hàng{{/vi}}{{#en}}The caller's requests{{/en}}</h2>
        {{#none}}<p id="no-requests">{{#vi}}Chưa có yêu cầu nào.{{/vi}}{{#en}}No request yet.{{/en}}</p>{{/none}}
        {{^none}}<table class="tickets" id="caller-requests"><thead><tr><th scope="col">{{#vi}}Mã{{/vi}}{{#en}}Code{{/en}}</th>
          <th scope="col">{{#vi}}Loại{{/vi}}{{#en}}Kind{{/en}}</th><th scope="col">{{#vi}}Bước gần nhất{{/vi}}{{#en}}Latest step{{/en}}</th>
          <th scope="col">{{#vi}}Hạn{{/vi}}{{#en}}Due{{/en}}</th></tr></thead>
          <tbody>{{#requests}}<tr data-code="{{code}}"><td>{{code}}<br><small>{{submittedAt}} · {{branch}}</small></td><td>{{kind}}</td>
            <td>{{lastStep}}</td><td>{{dueDate}}</td></tr>{{/requests}}</tbody></table>{{/none}}
        <h2>{{#vi}}Báo mất điện trong 7 ngày qua{{/vi}}{{#en}}Outage reports of the last 7 days{{/en}}</h2>
        {{#hasReports}}<table class="tickets" id="caller-reports"><thead><tr><th scope="col">{{#vi}}Mã{{/vi}}{{#en}}Code{{/en}}</th>
          <th scope="col">{{#vi}}Mã khách hàng{{/vi}}{{#en}}Customer code{{/en}}</th><th scope="col">{{#vi}}Kênh{{/vi}}{{#en}}Channel{{/en}}</th>
          <th scope="col">{{#vi}}Lúc{{/vi}}{{#en}}At{{/en}}</th></tr></thead>
          <tbody>{{#reports}}<tr data-code="{{code}}"><td>{{code}}</td><td>{{customerCode}}</td><td>{{channel}}</td><td>{{reportedAt}}</td></tr>{{/reports}}</tbody></table>{{/hasReports}}
        {{^hasReports}}<p id="no-reports">{{#vi}}Không có báo mất điện nào.{{/vi}}{{#en}}No outage report.{{/en}}</p>{{/hasReports}}
        {{/searched}}
        <h2>{{#vi}}Nhận yêu cầu mới{{/vi}}{{#en}}File a new request{{/en}}</h2>
        <nav class="tasks" id="file-for-caller"><a href="{{connectionLink}}" id="file-connection">{{#vi}}Cấp điện mới{{/vi}}{{#en}}New connection{{/en}}</a>
          <a href="{{outageLink}}" id="file-outage">{{#vi}}Báo mất điện{{/vi}}{{#en}}Outage report{{/en}}</a>
          {{#kinds}}<a href="{{link}}">{{label}}</a>{{/kinds}}</nav>
        </section>
        <script src="\(CallCentreEvents.scriptPath)" defer></script>
        """
}
