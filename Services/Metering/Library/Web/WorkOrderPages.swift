import Foundation
import Hummingbird
import ServiceKit
import StaffAuth
import WebPages
import WorkingCalendar

/// The field technicians' pages, made for a phone on site (`field_technician`, their own
/// branch's orders only; corporation staff see every branch's):
///
/// - `GET /lenh-cong-tac`: the day's work: first the orders and meter visits the branch head
///   gave this technician ("Việc được giao cho tôi"), then the branch's orders still to install
///   (ready, or waiting for a meter from stock) and visits still to make that nobody has yet
///   ("Chưa giao"), and the orders this technician completed today, each linking to its page;
///   jobs given to another technician are not listed;
/// - `GET /lenh-cong-tac/{workOrderId}`: one order, with the technician it is given to, the
///   reserved meter, the split it makes if any, and while it is ready the completion form (serial, first reading, seals);
/// - `POST /lenh-cong-tac/{workOrderId}`: completes the order through the same checks and
///   transaction as the API (``FieldWork``); a refused report shows the order again with each
///   error beside its field, in the page's language.
struct WorkOrderPages: Sendable {
    static let listPath = "/lenh-cong-tac"

    let pages: WebPages
    let session: StaffPageSession
    let work: FieldWork

    func register(on router: Router<ServiceRequestContext>) {
        router.get(RouterPath(String(Self.listPath.dropFirst()))) { request, context in
            try await list(request, staff: try await session.visitor(request, context, for: .fieldWork))
        }
        router.get("lenh-cong-tac/:workOrderId") { request, context in
            let staff = try await session.visitor(request, context, for: .fieldWork)
            return try await page(request, try context.parameters.require("workOrderId"), staff: staff)
        }
        router.post("lenh-cong-tac/:workOrderId") { request, context in
            let staff = try await session.visitor(request, context, for: .fieldWork)
            let id = try context.parameters.require("workOrderId")
            let form = try await WebForm.read(request)
            do {
                _ = try await work.complete(orderId: id, with: Self.completion(form), by: staff.claims)
            } catch let refusal as APIError {
                return try await page(request, id, staff: staff, posted: form,
                                      problems: FieldMessages(refusal.errors, in: PageLanguage(request)),
                                      status: refusal.status)
            }
            return WebPages.seeOther("\(Self.listPath)/\(id)")
        }
    }

    /// The report as the form posts it: the seal inputs in order, blank ones after the last given left out.
    static func completion(_ form: WebForm) -> CompletionForm {
        var seals = (0..<WorkOrderCompletion.maximumSeals).map { form["sealNumbers[\($0)]"] ?? "" }
        while let last = seals.last, last.allSatisfy(\.isWhitespace) { seals.removeLast() }
        return CompletionForm(meterSerial: form.text("meterSerial"),
                              initialReadingKWh: form.text("initialReadingKWh").flatMap {
                                  Int($0.trimmingCharacters(in: .whitespaces))
                              },
                              sealNumbers: seals)
    }

    private func list(_ request: Request, staff: SignedInStaff) async throws -> Response {
        let language = PageLanguage(request)
        let claims = staff.claims
        let today = work.today()
        let branch = claims.ownUnit
        let visitDesk = work.visits
        let (orders, visits) = try await work.store.database.read { db in
            (try WorkOrderLedger.orders(branchCode: branch, in: db), try visitDesk.visits(branchCode: branch, in: db))
        }
        // Jobs another technician has are not theirs to do: only their own and nobody's are listed.
        let orderSummaries = { (orders: [WorkOrder]) in orders.reversed().map { Self.summary($0, in: language) } }
        let visitSummaries = { (visits: [MeterVisit]) in visits.map { Self.summary($0, in: language) } }
        let toDo = orders.filter { $0.status != .completed }
        let openVisits = visits.filter { $0.status == .open }
        let mineOrders = orderSummaries(toDo.filter { $0.assignedTo == claims.staffId })
        let mineVisits = visitSummaries(openVisits.filter { $0.assignedTo == claims.staffId })
        let freeOrders = orderSummaries(toDo.filter { $0.assignedTo == nil })
        let freeVisits = visitSummaries(openVisits.filter { $0.assignedTo == nil })
        let doneToday = orders.filter {
            $0.completedBy == claims.staffId && $0.completedAt.map { CalendarDay($0) == today } == true
        }
        return pages.render("workOrders", title: language.pick("Lệnh công tác hôm nay", "Today's work orders"),
                            for: request, language: language, context: [
                                "today": ShownTime.day(today.description),
                                "mineOrders": mineOrders, "mineVisits": mineVisits,
                                "noneMine": mineOrders.isEmpty && mineVisits.isEmpty,
                                "toDo": freeOrders, "noneToDo": freeOrders.isEmpty,
                                "visits": freeVisits, "noneVisits": freeVisits.isEmpty,
                                "doneToday": doneToday.map { Self.summary($0, in: language) }, "noneDone": doneToday.isEmpty,
                            ], staff: staff)
    }

    private func page(_ request: Request, _ id: String, staff: SignedInStaff, posted: WebForm = WebForm(fields: [:]),
                      problems: FieldMessages = FieldMessages(), status: HTTPResponse.Status = .ok)
        async throws -> Response {
        let language = PageLanguage(request)
        let order = try await work.order(id: id, for: staff.claims)
        var context = Self.summary(order, in: language)
        context["errors"] = problems.all
        context["hasErrors"] = !problems.isEmpty
        context["canComplete"] = order.status == .open
        context["waiting"] = order.status == .awaitingMeter
        context["assignedTo"] = AssignedTechnician.shown(order.assignedTo, in: language)
        if let split = order.split {
            context["split"] = ["sharedCustomerCode": split.sharedCustomerCode, "newCustomerCode": split.newCustomerCode,
                                "subHouseholdId": split.subHouseholdId]
        }
        if order.status == .completed {
            context["completion"] = [
                "readingRoute": order.readingRoute ?? "", "readingDay": order.readingDay.map(String.init) ?? "",
                "initialReadingKWh": order.initialReadingKWh.map(String.init) ?? "",
                "sealNumbers": order.sealNumbers.joined(separator: ", "), "completedBy": order.completedBy ?? "",
                "completedAt": order.completedAt.map(ShownTime.dayAndTime) ?? "",
            ]
        }
        context["fields"] = [
            FormField.input("meterSerial", label: ("Số chế tạo công tơ lắp đặt", "Serial of the meter installed"),
                            in: language, value: posted["meterSerial"], error: problems["meterSerial"],
                            hint: ("Đọc trên nhãn công tơ", "As printed on the meter's plate")),
            FormField.input("initialReadingKWh", label: ("Chỉ số ban đầu (kWh)", "First reading (kWh)"), in: language,
                            value: posted["initialReadingKWh"], error: problems["initialReadingKWh"], type: "number"),
        ]
        context["seals"] = (0..<WorkOrderCompletion.maximumSeals).map { index in
            FormField.input("sealNumbers[\(index)]",
                            label: ("Niêm phong \(index + 1)", "Seal \(index + 1)"), in: language,
                            value: posted["sealNumbers[\(index)]"], error: problems["sealNumbers[\(index)]"])
        }
        context["sealsError"] = problems["sealNumbers"]
        return pages.render("workOrder", title: language.pick("Lệnh công tác \(id)", "Work order \(id)"), for: request,
                            language: language, context: context, status: status, staff: staff)
    }

    /// What the list and the order's page show of `order`, in `language`.
    private static func summary(_ order: WorkOrder, in language: PageLanguage) -> [String: Any] {
        var summary: [String: Any] = [
            "workOrderId": order.workOrderId, "requestCode": order.requestCode, "communeCode": order.communeCode,
            "phase": order.phase, "status": order.status.rawValue, "statusLabel": order.status.shown(in: language),
            "kind": order.split == nil
                ? language.pick("Lắp công tơ mới", "New meter installation")
                : language.pick("Lắp công tơ tách hộ dùng chung", "Meter for a household split off a shared meter"),
        ]
        summary["meterSerial"] = order.meterSerial
        return summary
    }

    /// What the list shows of an open meter visit, in `language`.
    private static func summary(_ visit: MeterVisit, in language: PageLanguage) -> [String: Any] {
        ["visitId": visit.visitId, "purposeLabel": visit.purpose.shown(in: language),
         "customerCode": visit.customerCode, "requestCode": visit.requestCode]
    }

    /// One order of the list, linking to its page.
    private static let orderLink = """
        <a href="/lenh-cong-tac/{{workOrderId}}" data-order="{{workOrderId}}">
          {{workOrderId}} · {{kind}}<br><span class="hint">{{statusLabel}} · {{requestCode}} · {{#vi}}xã/phường{{/vi}}{{#en}}commune{{/en}} {{communeCode}} · {{phase}} {{#vi}}pha{{/vi}}{{#en}}phase{{/en}}</span></a>
        """

    /// One meter visit of the list, linking to its page.
    private static let visitLink = """
        <a href="/kiem-tra-cong-to/{{visitId}}" data-visit="{{visitId}}">
          {{visitId}} · {{purposeLabel}}<br><span class="hint">{{customerCode}} · {{requestCode}}</span></a>
        """

    static let templates: [String: String] = [
        "workOrders": """
            <p id="today">{{#vi}}Ngày{{/vi}}{{#en}}Day{{/en}} {{today}}</p>
            <h2 id="mine-heading">{{#vi}}Việc được giao cho tôi{{/vi}}{{#en}}Given to me{{/en}}</h2>
            {{#noneMine}}<p>{{#vi}}Chưa có việc nào được giao cho bạn.{{/vi}}{{#en}}Nothing has been given to you yet.{{/en}}</p>{{/noneMine}}
            <nav class="tasks" id="mine">{{#mineOrders}}\(orderLink){{/mineOrders}}{{#mineVisits}}\(visitLink){{/mineVisits}}</nav>
            <h2 id="unassigned-heading">{{#vi}}Chưa giao{{/vi}}{{#en}}Not assigned{{/en}}</h2>
            <h3>{{#vi}}Cần lắp đặt{{/vi}}{{#en}}To install{{/en}}</h3>
            {{#noneToDo}}<p>{{#vi}}Không có lệnh nào đang chờ.{{/vi}}{{#en}}No order is waiting.{{/en}}</p>{{/noneToDo}}
            <nav class="tasks" id="to-do">{{#toDo}}\(orderLink){{/toDo}}</nav>
            <h3>{{#vi}}Kiểm tra, kiểm định, chốt chỉ số{{/vi}}{{#en}}Meter visits{{/en}}</h3>
            {{#noneVisits}}<p>{{#vi}}Không có phiếu nào đang chờ.{{/vi}}{{#en}}No visit is waiting.{{/en}}</p>{{/noneVisits}}
            <nav class="tasks" id="visits">{{#visits}}\(visitLink){{/visits}}</nav>
            <h2>{{#vi}}Bạn đã nghiệm thu hôm nay{{/vi}}{{#en}}You completed today{{/en}}</h2>
            {{#noneDone}}<p>{{#vi}}Chưa có.{{/vi}}{{#en}}None yet.{{/en}}</p>{{/noneDone}}
            <nav class="tasks" id="done-today">{{#doneToday}}<a href="/lenh-cong-tac/{{workOrderId}}" data-order="{{workOrderId}}">
              {{workOrderId}} · {{kind}}<br><span class="hint">{{statusLabel}} · {{meterSerial}}</span></a>{{/doneToday}}</nav>
            """,
        "workOrder": """
            \(FormField.errorSummary)
            <p><a href="/lenh-cong-tac">{{#vi}}← Lệnh công tác hôm nay{{/vi}}{{#en}}← Today's work orders{{/en}}</a></p>
            <dl id="work-order">
              <dt>{{#vi}}Việc{{/vi}}{{#en}}Work{{/en}}</dt><dd id="kind">{{kind}}</dd>
              <dt>{{#vi}}Trạng thái{{/vi}}{{#en}}Status{{/en}}</dt><dd id="status">{{statusLabel}}</dd>
              <dt>{{#vi}}Người thực hiện{{/vi}}{{#en}}Technician{{/en}}</dt><dd id="assigned-to">{{assignedTo}}</dd>
              <dt>{{#vi}}Mã yêu cầu{{/vi}}{{#en}}Request{{/en}}</dt><dd>{{requestCode}}</dd>
              <dt>{{#vi}}Xã/phường{{/vi}}{{#en}}Commune{{/en}}</dt><dd>{{communeCode}}</dd>
              <dt>{{#vi}}Công tơ đã dành{{/vi}}{{#en}}Reserved meter{{/en}}</dt><dd id="reserved-meter">{{#meterSerial}}<span class="code">{{meterSerial}}</span>{{/meterSerial}}{{#waiting}}{{#vi}}Kho chưa có công tơ phù hợp{{/vi}}{{#en}}No suitable meter in stock yet{{/en}}{{/waiting}} · {{phase}} {{#vi}}pha{{/vi}}{{#en}}phase{{/en}}</dd>
              {{#split}}<dt>{{#vi}}Tách hộ{{/vi}}{{#en}}Split{{/en}}</dt><dd id="split">{{subHouseholdId}}: {{sharedCustomerCode}} → {{newCustomerCode}}</dd>{{/split}}
              {{#completion}}<dt>{{#vi}}Nghiệm thu{{/vi}}{{#en}}Completed{{/en}}</dt><dd id="completion">{{completedAt}} · {{completedBy}}</dd>
              <dt>{{#vi}}Chỉ số ban đầu{{/vi}}{{#en}}First reading{{/en}}</dt><dd id="initial-reading">{{initialReadingKWh}} kWh</dd>
              <dt>{{#vi}}Niêm phong{{/vi}}{{#en}}Seals{{/en}}</dt><dd id="seals">{{sealNumbers}}</dd>
              <dt>{{#vi}}Lộ trình ghi chỉ số{{/vi}}{{#en}}Reading route{{/en}}</dt><dd id="reading-route">{{readingRoute}} · {{#vi}}ngày ghi{{/vi}}{{#en}}read on day{{/en}} {{readingDay}}</dd>{{/completion}}
            </dl>
            {{#canComplete}}<form method="post" action="/lenh-cong-tac/{{workOrderId}}" id="complete-form" novalidate>
              <h2>{{#vi}}Nghiệm thu lắp đặt{{/vi}}{{#en}}Complete the installation{{/en}}</h2>
              {{#fields}}\(FormField.snippet){{/fields}}
              <fieldset id="sealNumbers"{{#sealsError}} class="invalid" aria-describedby="sealNumbers-error"{{/sealsError}}>
                <legend>{{#vi}}Số niêm phong (1 đến 4){{/vi}}{{#en}}Seal numbers (1 to 4){{/en}}</legend>
                {{#sealsError}}<p class="field-error" id="sealNumbers-error">{{sealsError}}</p>{{/sealsError}}
                {{#seals}}\(FormField.snippet){{/seals}}
              </fieldset>
              <button type="submit" id="complete">{{#vi}}Nghiệm thu{{/vi}}{{#en}}Complete{{/en}}</button>
            </form>{{/canComplete}}
            """,
    ]
}
