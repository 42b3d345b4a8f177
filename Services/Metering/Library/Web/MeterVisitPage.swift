import Foundation
import Hummingbird
import ServiceKit
import StaffAuth
import VietnameseIdentity
import WebPages

/// A meter visit on the technician's phone (`field_technician`, their own branch's visits):
///
/// - `GET /kiem-tra-cong-to/{visitId}`: why they go (inspection, verification, final reading),
///   the technician it is given to, the customer and the meter metering knows there, and while open the result form (serial,
///   reading, and for an inspection or verification the measured error and accuracy class);
///   once recorded, the result with its verdict and the fee;
/// - `POST /kiem-tra-cong-to/{visitId}`: records it through the same checks and transaction
///   as the API (``FieldWork``); a refused result shows the visit again with each error beside
///   its field, in the page's language.
struct MeterVisitPage: Sendable {
    static let path = "/kiem-tra-cong-to"

    let pages: WebPages
    let session: StaffPageSession
    let work: FieldWork

    func register(on router: Router<ServiceRequestContext>) {
        router.get("kiem-tra-cong-to/:visitId") { request, context in
            let staff = try await session.visitor(request, context, for: .fieldWork)
            return try await page(request, try context.parameters.require("visitId"), staff: staff)
        }
        router.post("kiem-tra-cong-to/:visitId") { request, context in
            let staff = try await session.visitor(request, context, for: .fieldWork)
            let id = try context.parameters.require("visitId")
            let form = try await WebForm.read(request)
            do {
                _ = try await work.recordVisit(id: id, with: Self.result(form), by: staff.claims)
            } catch let refusal as APIError {
                return try await page(request, id, staff: staff, posted: form,
                                      problems: FieldMessages(refusal.errors, in: PageLanguage(request)),
                                      status: refusal.status)
            }
            return WebPages.seeOther("\(Self.path)/\(id)")
        }
    }

    /// The result as the form posts it; a number written with a decimal comma (`0,4`) is read as Vietnamese write it.
    static func result(_ form: WebForm) -> VisitResultForm {
        func number(_ name: String) -> Double? {
            form.text(name).flatMap { Double($0.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ".")) }
        }
        return VisitResultForm(meterSerial: form.text("meterSerial"),
                               readingKWh: form.text("readingKWh").flatMap { Int($0.trimmingCharacters(in: .whitespaces)) },
                               measuredErrorPercent: number("measuredErrorPercent"), accuracyClass: number("accuracyClass"),
                               findings: form.text("findings"))
    }

    /// A measured error or accuracy class as the page's language writes it — `-0,4` and `1` in
    /// Vietnamese, as the technician typed it and the customer's SMS says it, not `-0.40` and `1.0`.
    static func number(_ value: Double, in language: PageLanguage) -> String {
        language.pick(NumberText.vi(value), NumberText.en(value))
    }

    private func page(_ request: Request, _ id: String, staff: SignedInStaff, posted: WebForm = WebForm(fields: [:]),
                      problems: FieldMessages = FieldMessages(), status: HTTPResponse.Status = .ok)
        async throws -> Response {
        let language = PageLanguage(request)
        let visit = try await work.visit(id: id, for: staff.claims)
        func input(_ name: String, _ label: (String, String), type: String = "text", hint: (String, String)? = nil)
            -> [String: Any] {
            FormField.input(name, label: label, in: language, value: posted[name], error: problems[name], type: type,
                            hint: hint)
        }
        var fields = [
            input("meterSerial", ("Số chế tạo công tơ", "Meter serial"), hint: ("Đọc trên nhãn công tơ", "As printed on the meter's plate")),
            input("readingKWh", ("Chỉ số (kWh)", "Reading (kWh)"), type: "number"),
        ]
        if visit.purpose.measuresError {
            fields += [
                input("measuredErrorPercent", ("Sai số đo được (%)", "Measured error (%)"),
                      hint: ("Âm khi công tơ chạy chậm, ví dụ -0,4", "Negative when the meter reads low, e.g. -0.4")),
                input("accuracyClass", ("Cấp chính xác", "Accuracy class"), hint: ("0,5, 1 hoặc 2", "0.5, 1 or 2")),
            ]
        }
        fields.append(input("findings", ("Ghi nhận tại hiện trường", "Findings on site")))
        var context: [String: Any] = [
            "visitId": visit.visitId, "requestCode": visit.requestCode, "customerCode": visit.customerCode,
            "purposeLabel": visit.purpose.shown(in: language), "open": visit.status == .open, "fields": fields,
            "statusLabel": visit.status == .open
                ? language.pick("Chờ kiểm tra", "To visit") : language.pick("Đã ghi nhận kết quả", "Result recorded"),
            "errors": problems.all, "hasErrors": !problems.isEmpty,
        ]
        context["meterSerial"] = visit.meterSerial
        context["assignedTo"] = AssignedTechnician.shown(visit.assignedTo, in: language)
        context["readingKWh"] = visit.readingKWh
        context["findings"] = visit.findings
        context["visitedAt"] = visit.visitedAt.map(ShownTime.dayAndTime)
        if let check = visit.check {
            context["check"] = [
                "error": (check.measuredErrorPercent > 0 ? "+" : "") + Self.number(check.measuredErrorPercent, in: language),
                "accuracyClass": Self.number(check.accuracyClass, in: language),
                "verdict": check.accurate
                    ? language.pick("Đạt: trong cấp chính xác", "Accurate: within its class")
                    : language.pick("Không đạt: vượt cấp chính xác", "Inaccurate: outside its class"),
                "fee": language.pick(NumberText.vi(check.feeVND), NumberText.en(check.feeVND)),
            ]
        }
        return pages.render("meterVisit", title: language.pick("Phiếu \(id)", "Visit \(id)"), for: request,
                            language: language, context: context, status: status, staff: staff)
    }

    static let template = """
        \(FormField.errorSummary)
        <p><a href="/lenh-cong-tac">{{#vi}}← Lệnh công tác hôm nay{{/vi}}{{#en}}← Today's work orders{{/en}}</a></p>
        <dl id="visit">
          <dt>{{#vi}}Việc{{/vi}}{{#en}}Work{{/en}}</dt><dd id="purpose">{{purposeLabel}}</dd>
          <dt>{{#vi}}Trạng thái{{/vi}}{{#en}}Status{{/en}}</dt><dd id="status">{{statusLabel}}</dd>
          <dt>{{#vi}}Người thực hiện{{/vi}}{{#en}}Technician{{/en}}</dt><dd id="assigned-to">{{assignedTo}}</dd>
          <dt>{{#vi}}Mã yêu cầu{{/vi}}{{#en}}Request{{/en}}</dt><dd>{{requestCode}}</dd>
          <dt>{{#vi}}Mã khách hàng{{/vi}}{{#en}}Customer code{{/en}}</dt><dd>{{customerCode}}</dd>
          <dt>{{#vi}}Công tơ{{/vi}}{{#en}}Meter{{/en}}</dt><dd id="meter">{{#meterSerial}}<span class="code">{{meterSerial}}</span>{{/meterSerial}}{{^meterSerial}}{{#vi}}Chưa biết: ghi theo nhãn công tơ{{/vi}}{{#en}}Not known: write it from the plate{{/en}}{{/meterSerial}}</dd>
          {{^open}}<dt>{{#vi}}Kết quả{{/vi}}{{#en}}Result{{/en}}</dt><dd id="result">{{visitedAt}} · {{readingKWh}} kWh{{#check}} · {{#vi}}sai số{{/vi}}{{#en}}error{{/en}} {{error}} % ({{#vi}}cấp{{/vi}}{{#en}}class{{/en}} {{accuracyClass}}) · <strong id="verdict">{{verdict}}</strong> · {{#vi}}phí{{/vi}}{{#en}}fee{{/en}} {{fee}} đ{{/check}}{{#findings}} — {{findings}}{{/findings}}</dd>{{/open}}
        </dl>
        {{#open}}<form method="post" action="/kiem-tra-cong-to/{{visitId}}" id="visit-form" novalidate>
          <h2>{{#vi}}Kết quả tại hiện trường{{/vi}}{{#en}}What you found{{/en}}</h2>
          {{#fields}}\(FormField.snippet){{/fields}}
          <button type="submit" id="record-visit">{{#vi}}Ghi nhận kết quả{{/vi}}{{#en}}Record the result{{/en}}</button>
        </form>{{/open}}
        """
}
