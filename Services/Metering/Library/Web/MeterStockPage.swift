import Foundation
import Hummingbird
import ServiceKit
import StaffAuth
import WebPages

/// The branch's meter stock for its stock keepers (`meter_stock`; corporation staff choose
/// the branch with `?branchCode=` and name it when receiving):
///
/// - `GET /kho-cong-to`: every meter of the branch, where it is (in stock, reserved for an
///   order, installed) and whether its verification still covers today, with the form to
///   receive a verified meter;
/// - `POST /kho-cong-to`: receives the meter through the same checks and transaction as the
///   API (``FieldWork``), so a waiting work order takes it at once; a refused meter shows the
///   form again with each error beside its field, in the page's language.
struct MeterStockPage: Sendable {
    static let path = "/kho-cong-to"

    let pages: WebPages
    let session: StaffPageSession
    let work: FieldWork

    func register(on router: Router<ServiceRequestContext>) {
        let route = RouterPath(String(Self.path.dropFirst()))
        router.get(route) { request, context in
            let staff = try await session.visitor(request, context, for: .meterStock)
            let branch = request.uri.queryParameters.get("branchCode") ?? staff.claims.ownUnit
            return try await page(request, staff: staff, branch: branch,
                                  received: request.uri.queryParameters.get("received"))
        }
        router.post(route) { request, context in
            let staff = try await session.visitor(request, context, for: .meterStock)
            let form = try await WebForm.read(request)
            let meter: StockedMeter
            do {
                meter = try await work.receive(Self.meter(form), by: staff.claims)
            } catch let refusal as APIError {
                return try await page(request, staff: staff, branch: staff.claims.ownUnit, posted: form,
                                      problems: FieldMessages(refusal.errors, in: PageLanguage(request)),
                                      status: refusal.status)
            }
            let query = staff.claims.ownUnit == nil ? "&branchCode=\(meter.branchCode)" : ""
            return WebPages.seeOther("\(Self.path)?received=\(meter.serial)\(query)")
        }
    }

    /// The meter as the form posts it; a phase that is not a number is no phase.
    static func meter(_ form: WebForm) -> MeterStockForm {
        MeterStockForm(serial: form.text("serial"), phase: form.text("phase").flatMap { Int($0) },
                       verifiedOn: form.text("verifiedOn"), verificationValidUntil: form.text("verificationValidUntil"),
                       branchCode: form.text("branchCode"))
    }

    private func page(_ request: Request, staff: SignedInStaff, branch: String?, received: String? = nil,
                      posted: WebForm = WebForm(fields: [:]), problems: FieldMessages = FieldMessages(),
                      status: HTTPResponse.Status = .ok) async throws -> Response {
        let language = PageLanguage(request)
        let meters = try await work.stock(branchCode: branch, for: staff.claims)
        let rows = meters.map { meter -> [String: Any] in
            var row: [String: Any] = [
                "serial": meter.serial, "phase": meter.phase, "statusLabel": meter.status.shown(in: language),
                "validUntil": ShownTime.day(meter.verificationValidUntil), "valid": meter.verificationValid,
                "validity": meter.verificationValid
                    ? language.pick("Còn hiệu lực", "Valid") : language.pick("Hết hiệu lực kiểm định", "Verification expired"),
            ]
            row["workOrderId"] = meter.workOrderId
            return row
        }
        var fields = [
            FormField.input("serial", label: ("Số chế tạo", "Serial"), in: language, value: posted["serial"],
                            error: problems["serial"]),
            FormField.input("verifiedOn", label: ("Ngày kiểm định", "Verified on"), in: language,
                            value: posted["verifiedOn"], error: problems["verifiedOn"], type: "date"),
            FormField.input("verificationValidUntil", label: ("Kiểm định có giá trị đến", "Verification valid until"),
                            in: language, value: posted["verificationValidUntil"],
                            error: problems["verificationValidUntil"], type: "date"),
        ]
        if staff.claims.ownUnit == nil {
            fields.append(FormField.input("branchCode", label: ("Mã điện lực nhận", "Receiving branch"), in: language,
                                          value: posted["branchCode"] ?? branch, error: problems["branchCode"]))
        }
        var context: [String: Any] = [
            "meters": rows, "empty": rows.isEmpty, "fields": fields, "threePhase": posted["phase"] == "3",
            "inStockCount": meters.filter { $0.status == .inStock && $0.verificationValid }.count,
            "errors": problems.all, "hasErrors": !problems.isEmpty,
        ]
        context["phaseError"] = problems["phase"]
        context["received"] = meters.contains { $0.serial == received } ? received : nil
        let place = branch ?? language.pick("Toàn Tổng công ty", "The whole corporation")
        return pages.render("meterStock", title: language.pick("Kho công tơ — \(place)", "Meter stock — \(place)"),
                            for: request, language: language, context: context, status: status, staff: staff)
    }

    static let template = """
        \(FormField.errorSummary)
        {{#received}}<p class="notice" role="status" id="received">{{#vi}}Đã nhập kho công tơ{{/vi}}{{#en}}Received meter{{/en}} <strong>{{received}}</strong>.</p>{{/received}}
        <p id="in-stock-count">{{#vi}}Công tơ trong kho còn hiệu lực kiểm định{{/vi}}{{#en}}Meters in stock with a valid verification{{/en}}: <strong>{{inStockCount}}</strong></p>
        <form method="post" action="/kho-cong-to" id="receive-form" novalidate>
          <h2>{{#vi}}Nhập kho công tơ đã kiểm định{{/vi}}{{#en}}Receive a verified meter{{/en}}</h2>
          {{#fields}}\(FormField.snippet){{/fields}}
          <div class="field{{#phaseError}} invalid{{/phaseError}}"><label for="phase">{{#vi}}Số pha{{/vi}}{{#en}}Phase{{/en}}</label>
            <select id="phase" name="phase"{{#phaseError}} aria-invalid="true" aria-describedby="phase-error"{{/phaseError}}>
              <option value="1">1 {{#vi}}pha{{/vi}}{{#en}}phase{{/en}}</option><option value="3"{{#threePhase}} selected{{/threePhase}}>3 {{#vi}}pha{{/vi}}{{#en}}phase{{/en}}</option></select>
            {{#phaseError}}<p class="field-error" id="phase-error">{{phaseError}}</p>{{/phaseError}}</div>
          <button type="submit" id="receive">{{#vi}}Nhập kho{{/vi}}{{#en}}Receive{{/en}}</button>
        </form>
        <h2>{{#vi}}Công tơ của điện lực{{/vi}}{{#en}}The branch's meters{{/en}}</h2>
        {{#empty}}<p>{{#vi}}Kho chưa có công tơ nào.{{/vi}}{{#en}}No meter in stock yet.{{/en}}</p>{{/empty}}
        {{^empty}}<table class="tickets" id="meters">
          <thead><tr><th scope="col">{{#vi}}Số chế tạo{{/vi}}{{#en}}Serial{{/en}}</th><th scope="col">{{#vi}}Pha{{/vi}}{{#en}}Phase{{/en}}</th>
            <th scope="col">{{#vi}}Tình trạng{{/vi}}{{#en}}Status{{/en}}</th><th scope="col">{{#vi}}Kiểm định đến{{/vi}}{{#en}}Verified until{{/en}}</th></tr></thead>
          <tbody>{{#meters}}<tr id="meter-{{serial}}"><td>{{serial}}</td><td>{{phase}}</td>
            <td class="meter-status">{{statusLabel}}{{#workOrderId}} · {{workOrderId}}{{/workOrderId}}</td>
            <td class="{{#valid}}sla-on_track{{/valid}}{{^valid}}sla-breached{{/valid}}">{{validUntil}} · {{validity}}</td></tr>{{/meters}}</tbody>
        </table>{{/empty}}
        """
}
