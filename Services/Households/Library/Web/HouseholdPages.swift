import Contracts
import Foundation
import Hummingbird
import Messaging
import ServiceKit
import StaffAuth
import WebPages
import WorkingCalendar

/// The sub-household program's pages for unit staff, signed in at the staff sign-in (the
/// `staff_token` cookie, the token of the API; roles `households_officer`, `households_supervisor`):
///
/// - `GET /ho-dung-chung[?customerCode=]`: dossier search, the dossier and its households;
/// - `POST /ho-dung-chung/{dossierId}/them-ho`: registers a sub-household; the page shows the
///   screening answer, clear, or the other active dossiers holding the ID number and where;
/// - `GET /ho-dung-chung/dieu-chinh`: the printable re-pricing list of the unit;
/// - `GET /ho-dung-chung/bao-cao-tach[?month=YYYY-MM]`: the monthly split report.
struct HouseholdPages: Sendable {
    let pages: WebPages
    let session: StaffPageSession
    let program: HouseholdsProgram
    let document: RepricingDocument

    func register(on router: Router<ServiceRequestContext>) {
        WebAssets.register(on: router)
        router.get("ho-dung-chung") { request, context in
            let staff = try await session.visitor(request, context, for: .households)
            return try await dossierPage(request, code: request.uri.queryParameters.get("customerCode"), staff: staff)
        }
        router.post("ho-dung-chung/:dossierId/them-ho") { request, context in
            let staff = try await session.visitor(request, context, for: .households)
            return try await register(request, dossierId: try context.parameters.require("dossierId"), staff: staff)
        }
        router.get("ho-dung-chung/dieu-chinh") { request, context in
            let claims = try await session.visitor(request, context, for: .households).claims
            let list = try await program.repricing(unit: claims.ownUnit)
            return Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"],
                            body: .init(byteBuffer: ByteBuffer(string: document.html(list))))
        }
        router.get("ho-dung-chung/bao-cao-tach") { request, context in
            try await splitReport(request, staff: try await session.visitor(request, context, for: .households))
        }
    }

    private func dossierPage(_ request: Request, code: String?, staff: SignedInStaff, extra: [String: Any] = [:],
                             status: HTTPResponse.Status = .ok) async throws -> Response {
        let language = PageLanguage(request)
        var context = extra
        context["customerCode"] = code ?? ""
        if let code, !code.isEmpty {
            do {
                let view = try await program.dossier(customerCode: code.uppercased(), by: staff.claims)
                context["dossier"] = Self.shown(dossier: try JSONSerialization.jsonObject(with: try JSONCoding.encoder.encode(view)),
                                                in: language)
            } catch let refusal as APIError {
                context["problem"] = refusal.errors.first.map { language.pick($0.message.vi, $0.message.en) }
            }
        }
        return pages.render("dossier", title: language.pick("Hồ sơ hộ dùng chung công tơ", "Shared-meter dossier"),
                            for: request, language: language, context: context, status: status, staff: staff)
    }

    private func register(_ request: Request, dossierId: String, staff: SignedInStaff) async throws -> Response {
        let language = PageLanguage(request)
        let form = try await WebForm.read(request)
        let household = SubHouseholdForm(
            fullName: form["fullName"], idNumber: form["idNumber"], householdBook: form.text("householdBook"),
            permanentAddress: form.text("permanentAddress"),
            residenceConfirmation: form.text("confirmationNumber").map { number in
                ResidenceConfirmationForm(issuer: form["confirmationIssuer"], number: number,
                                          issuedOn: form["confirmationIssuedOn"], validUntil: form.text("confirmationValidUntil"))
            },
            persons: form.text("persons").flatMap { Int($0) })
        var extra: [String: Any] = [:]
        var status = HTTPResponse.Status.ok
        do {
            switch try await program.registerSubHousehold(household, dossierId: dossierId, override: nil, by: staff.claims) {
            case .registered(let view):
                extra["screening"] = ["clear": true, "name": view.fullName, "reference": view.subHouseholdId]
                status = .created
            case .duplicates(let conflict):
                extra["screening"] = ["clear": false, "cases": conflict.conflicts.map { item -> [String: Any] in
                    ["key": item.maskedKey, "holdings": item.holdings.map { holding -> [String: Any] in
                        ["unit": holding.unit, "customerCode": holding.customerCode ?? "", "dossierId": holding.dossierId ?? ""]
                    }]
                }]
                status = .conflict
            }
        } catch let refusal as APIError {
            extra["errors"] = FieldMessages(refusal.errors, in: language).all
            extra["hasErrors"] = true
            status = refusal.status
        }
        return try await dossierPage(request, code: form["customerCode"], staff: staff, extra: extra, status: status)
    }

    private func splitReport(_ request: Request, staff: SignedInStaff) async throws -> Response {
        let language = PageLanguage(request)
        let text = request.uri.queryParameters.get("month") ?? String(CalendarDay.today.description.prefix(7))
        guard let month = CalendarDay(text + "-01"), text.count == 7 else { throw APIError.dossierNotFound }
        let report = try await program.splitReport(unit: staff.claims.ownUnit, month: month)
        var context = Self.shown(report: try JSONSerialization.jsonObject(with: try JSONCoding.encoder.encode(report)),
                                 in: language)
        context["splitCount"] = report.splitsDone.count
        return pages.render("splitReport", title: language.pick("Báo cáo tách công tơ tháng \(text)", "Meter splits, \(text)"),
                            for: request, language: language, context: context, staff: staff)
    }

    /// The dossier's values for the page (the API's JSON): its status and each household's
    /// place and status in `language`'s words beside their codes.
    static func shown(dossier: Any, in language: PageLanguage) -> [String: Any] {
        var dossier = dossier as? [String: Any] ?? [:]
        dossier["statusLabel"] = DossierStatus.shown(dossier["status"], in: language)
        dossier["members"] = (dossier["members"] as? [[String: Any]] ?? []).map { member in
            var member = member
            member["roleLabel"] = MemberRole.shown(member["role"], in: language)
            member["statusLabel"] = MemberStatus.shown(member["status"], in: language)
            return member
        }
        return dossier
    }

    /// The split report's values for the page (the API's JSON), each pending wish with its
    /// reason in `language`'s words.
    static func shown(report: Any, in language: PageLanguage) -> [String: Any] {
        var report = report as? [String: Any] ?? [:]
        report["pendingWishes"] = (report["pendingWishes"] as? [[String: Any]] ?? []).map { wish in
            var wish = wish
            wish["reasonLabel"] = NotSplitReason.shown(wish["reason"], in: language)
            return wish
        }
        return report
    }

    static let templates: [String: String] = [
        "dossier": """
            <p><a href="/ho-dung-chung/dieu-chinh" id="repricing">{{#vi}}Danh sách điều chỉnh số hộ (bản in){{/vi}}{{#en}}Re-pricing list (printable){{/en}}</a> ·
               <a href="/ho-dung-chung/bao-cao-tach" id="split-report">{{#vi}}Báo cáo tách công tơ{{/vi}}{{#en}}Split report{{/en}}</a></p>
            <form method="get" action="/ho-dung-chung" id="search">
              <div class="field"><label for="customerCode">{{#vi}}Mã khách hàng{{/vi}}{{#en}}Customer code{{/en}}</label>
                <input type="text" id="customerCode" name="customerCode" value="{{customerCode}}"></div>
              <button type="submit" id="submit">{{#vi}}Tìm hồ sơ{{/vi}}{{#en}}Find the dossier{{/en}}</button>
            </form>
            {{#problem}}<p class="summary" role="alert" id="problem">{{problem}}</p>{{/problem}}
            \(FormField.errorSummary)
            {{#screening}}{{#clear}}<p class="notice" role="status" id="screening-clear">{{#vi}}Kiểm tra trùng toàn Tổng công ty: không trùng. Đã đăng ký{{/vi}}{{#en}}Corporation-wide check: clear. Registered{{/en}} {{name}} ({{reference}}).</p>{{/clear}}
              {{^clear}}<div class="summary" role="alert" id="screening-conflict"><p>{{#vi}}Trùng với hồ sơ đang hiệu lực — chưa đăng ký:{{/vi}}{{#en}}Already in an active dossier — not registered:{{/en}}</p>
                <ul>{{#cases}}<li>{{key}}: {{#holdings}}{{unit}} {{customerCode}} {{dossierId}}; {{/holdings}}</li>{{/cases}}</ul></div>{{/clear}}{{/screening}}
            {{#dossier}}
            <h2>{{dossierId}} · {{customerCode}}</h2>
            <p id="allowance">{{#vi}}Số hộ được tính{{/vi}}{{#en}}Households counted{{/en}}: <strong>{{allowance.households}}</strong> · <span id="dossier-status">{{statusLabel}}</span> · {{unit}}</p>
            <table class="tickets" id="members"><thead><tr><th scope="col">{{#vi}}Mã{{/vi}}{{#en}}Ref{{/en}}</th><th scope="col">{{#vi}}Chủ hộ{{/vi}}{{#en}}Head{{/en}}</th>
              <th scope="col">CCCD</th><th scope="col">{{#vi}}Trạng thái{{/vi}}{{#en}}Status{{/en}}</th></tr></thead>
              <tbody>{{#members}}<tr><td>{{subHouseholdId}}</td><td>{{fullName}} ({{roleLabel}})</td><td>{{maskedIdNumber}}</td><td>{{statusLabel}}{{#counting}} ✓{{/counting}}</td></tr>{{/members}}</tbody></table>
            <form method="post" action="/ho-dung-chung/{{dossierId}}/them-ho" id="add-household" novalidate>
              <h2>{{#vi}}Đăng ký hộ dùng chung{{/vi}}{{#en}}Register a sub-household{{/en}}</h2>
              <input type="hidden" name="customerCode" value="{{customerCode}}">
              <div class="field"><label for="fullName">{{#vi}}Họ tên chủ hộ{{/vi}}{{#en}}Head's full name{{/en}}</label><input type="text" id="fullName" name="fullName"></div>
              <div class="field"><label for="idNumber">{{#vi}}Số CCCD{{/vi}}{{#en}}Citizen ID{{/en}}</label><input type="text" id="idNumber" name="idNumber"></div>
              <div class="field"><label for="permanentAddress">{{#vi}}Địa chỉ thường trú{{/vi}}{{#en}}Permanent address{{/en}}</label><input type="text" id="permanentAddress" name="permanentAddress"></div>
              <div class="field"><label for="confirmationIssuer">{{#vi}}Nơi xác nhận cư trú{{/vi}}{{#en}}Residence confirmed by{{/en}}</label><input type="text" id="confirmationIssuer" name="confirmationIssuer"></div>
              <div class="field"><label for="confirmationNumber">{{#vi}}Số xác nhận{{/vi}}{{#en}}Confirmation number{{/en}}</label><input type="text" id="confirmationNumber" name="confirmationNumber"></div>
              <div class="field"><label for="confirmationIssuedOn">{{#vi}}Ngày cấp (YYYY-MM-DD){{/vi}}{{#en}}Issued on (YYYY-MM-DD){{/en}}</label><input type="text" id="confirmationIssuedOn" name="confirmationIssuedOn"></div>
              <div class="field"><label for="confirmationValidUntil">{{#vi}}Có giá trị đến (YYYY-MM-DD){{/vi}}{{#en}}Valid until (YYYY-MM-DD){{/en}}</label><input type="text" id="confirmationValidUntil" name="confirmationValidUntil"></div>
              <button type="submit" id="register">{{#vi}}Kiểm tra trùng và đăng ký{{/vi}}{{#en}}Check and register{{/en}}</button>
            </form>
            {{/dossier}}
            """,
        "splitReport": """
            <p>{{#vi}}Đã tách trong tháng{{/vi}}{{#en}}Split this month{{/en}}: <strong id="splits-done">{{splitCount}}</strong></p>
            <ul>{{#splitsDone}}<li>{{subHouseholdId}} → {{newCustomerCode}} ({{customerCode}})</li>{{/splitsDone}}</ul>
            <h2>{{#vi}}Muốn tách nhưng chưa tách được{{/vi}}{{#en}}Wanting to split, not yet able{{/en}}</h2>
            <ul>{{#pendingWishes}}<li id="wish-{{subHouseholdId}}">{{subHouseholdId}} ({{customerCode}}): {{#reasonLabel}}{{reasonLabel}}{{/reasonLabel}}{{^reasonLabel}}{{#vi}}chưa ghi nhận lý do{{/vi}}{{#en}}no reason recorded{{/en}}{{/reasonLabel}}{{#note}} — {{note}}{{/note}}</li>{{/pendingWishes}}</ul>
            <h2>{{#vi}}Lý do chưa tách{{/vi}}{{#en}}Reasons not split{{/en}}</h2>
            <ul>{{#notSplitByReason}}<li>{{#vi}}{{labelVi}}{{/vi}}{{#en}}{{labelEn}}{{/en}}: {{households}}</li>{{/notSplitByReason}}</ul>
            """,
    ]
}
