import Contracts
import Foundation
import Hummingbird
import ServiceKit
import StaffAuth
import VietnameseIdentity
import WebPages

/// `GET /tong-dai[?phone=|?customerCode=]`: the call-centre console's start, for a signed-in
/// operator (role `call_centre`): find the caller by phone or customer code, see their recent
/// requests with where each stands (crm's last step and due date), and file a new one for them.
/// An operator of a branch sees that branch's requests only; the corporation's hotline (`CORP`) sees all.
struct CallCentrePages: Sendable {
    let pages: WebPages
    let session: StaffPageSession
    let directory: CallerDirectory
    let timeline: TimelineLookup

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
                ["value": $0.rawValue, "label": $0.shown(in: language)]
            },
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
            var rows: [[String: Any]] = []
            for filed in try await directory.requests(phoneE164: phone?.e164, customerCode: code?.description,
                                                         unit: claims.ownUnit) {
                let answer = await timeline.timeline(of: filed.requestCode)
                var row: [String: Any] = [
                    "code": filed.requestCode, "kind": RequestKind(rawValue: filed.kind)?.shown(in: language) ?? filed.kind,
                    "submittedAt": ShownTime.dayAndTime(filed.submittedAt), "branch": filed.branchName,
                ]
                row["lastStep"] = answer?.steps.last.map { language.pick($0.label.vi, $0.label.en) }
                row["dueDate"] = answer.map { ShownTime.day($0.dueDate.description) }
                rows.append(row)
            }
            context["searched"] = true
            context["requests"] = rows
            context["none"] = rows.isEmpty
        }
        return pages.render("callCentre", title: language.pick("Tổng đài", "Call centre"), for: request,
                            language: language, context: context, staff: staff)
    }

    static let template = """
        <p class="notice" id="operator">{{#vi}}Điện thoại viên{{/vi}}{{#en}}Operator{{/en}}: <strong>{{operator}}</strong></p>
        \(FormField.errorSummary)
        <form method="get" action="/tong-dai" id="find-caller">
          {{#phone}}\(FormField.snippet){{/phone}}
          {{#customerCode}}\(FormField.snippet){{/customerCode}}
          <button type="submit" id="submit">{{#vi}}Tìm khách hàng{{/vi}}{{#en}}Find the caller{{/en}}</button>
        </form>
        {{#searched}}<h2>{{#vi}}Yêu cầu của khách hàng{{/vi}}{{#en}}The caller's requests{{/en}}</h2>
        {{#none}}<p id="no-requests">{{#vi}}Chưa có yêu cầu nào.{{/vi}}{{#en}}No request yet.{{/en}}</p>{{/none}}
        {{^none}}<table class="tickets" id="caller-requests"><thead><tr><th scope="col">{{#vi}}Mã{{/vi}}{{#en}}Code{{/en}}</th>
          <th scope="col">{{#vi}}Loại{{/vi}}{{#en}}Kind{{/en}}</th><th scope="col">{{#vi}}Bước gần nhất{{/vi}}{{#en}}Latest step{{/en}}</th>
          <th scope="col">{{#vi}}Hạn{{/vi}}{{#en}}Due{{/en}}</th></tr></thead>
          <tbody>{{#requests}}<tr data-code="{{code}}"><td>{{code}}<br><small>{{submittedAt}} · {{branch}}</small></td><td>{{kind}}</td>
            <td>{{lastStep}}</td><td>{{dueDate}}</td></tr>{{/requests}}</tbody></table>{{/none}}
        {{/searched}}
        <h2>{{#vi}}Nhận yêu cầu mới{{/vi}}{{#en}}File a new request{{/en}}</h2>
        <nav class="tasks"><a href="/tong-dai/cap-dien-moi" id="file-connection">{{#vi}}Cấp điện mới{{/vi}}{{#en}}New connection{{/en}}</a>
          {{#kinds}}<a href="/tong-dai/dich-vu/{{value}}">{{label}}</a>{{/kinds}}</nav>
        """
}
