import Foundation
import Hummingbird
import ServiceKit
import StaffAuth
import StaffDirectory
import WebPages

/// The branch head's dispatch list (`assigningFieldWork`, their own branch's jobs; corporation
/// staff see every branch's):
///
/// - `GET /giao-viec`: the branch's open work orders and meter visits, each with the
///   technician who has it ("Chưa giao" while nobody does) and a form to give it to one of
///   the branch's field technicians, chosen from the staff directory's list (nobody chosen
///   beforehand for a job nobody has, so that a click gives no job by mistake); while the
///   directory does not answer, a staff-id field instead;
/// - `POST /giao-viec/lenh-cong-tac/{workOrderId}` and `POST /giao-viec/kiem-tra-cong-to/{visitId}`:
///   gives the job through the same checks as the API (``JobAssignments``); a refusal shows
///   the list again with the error beside that job's field, in the page's language.
struct DispatchPage: Sendable {
    static let path = "/giao-viec"

    let pages: WebPages
    let session: StaffPageSession
    let work: FieldWork
    let assignments: JobAssignments

    func register(on router: Router<ServiceRequestContext>) {
        router.get(RouterPath(String(Self.path.dropFirst()))) { request, context in
            try await list(request, staff: try await session.visitor(request, context, for: .assigningFieldWork))
        }
        let jobs: [(segment: String, job: FieldJob)] = [("lenh-cong-tac", .workOrder), ("kiem-tra-cong-to", .meterVisit)]
        for (segment, job) in jobs {
            router.post(RouterPath("giao-viec/\(segment)/:jobId")) { request, context in
                let staff = try await session.visitor(request, context, for: .assigningFieldWork)
                let id = try context.parameters.require("jobId")
                let form = try await WebForm.read(request)
                do {
                    _ = try await assignments.assign(job, id: id, TechnicianAssignmentForm(technicianId: form.text("technicianId")),
                                                     claims: staff.claims)
                } catch let refusal as APIError {
                    let problems = FieldMessages(refusal.errors, in: PageLanguage(request), wholeRequestAt: "technicianId")
                    return try await list(request, staff: staff, refused: (id, problems["technicianId"]), status: refusal.status)
                }
                return WebPages.seeOther(Self.path)
            }
        }
    }

    private func list(_ request: Request, staff: SignedInStaff, refused: (jobId: String, message: String?)? = nil,
                      status: HTTPResponse.Status = .ok) async throws -> Response {
        let language = PageLanguage(request)
        let branch = staff.claims.ownUnit
        let visitDesk = work.visits
        let (orders, visits) = try await work.store.database.read { db in
            (Array(try WorkOrderLedger.orders(branchCode: branch, in: db).filter { $0.status != .completed }.reversed()),
             try visitDesk.visits(branchCode: branch, in: db).filter { $0.status == .open })
        }
        let branches = Set(orders.map(\.branchCode) + visits.map(\.branchCode))
        let technicians = await technicians(of: branches)
        func row(_ id: String, branchCode: String, action: String, label: String, detail: String, assignedTo: String?)
            -> [String: Any] {
            var row: [String: Any] = [
                "jobId": id, "action": "\(Self.path)/\(action)/\(id)", "label": label, "detail": detail,
                "assignedTo": AssignedTechnician.shown(assignedTo, in: language),
                "current": assignedTo ?? "", "unassigned": assignedTo == nil,
            ]
            if let people = technicians?[branchCode] {
                row["choices"] = people.map { ["value": $0.uid, "label": "\($0.displayName) (\($0.uid))",
                                               "selected": $0.uid == assignedTo] }
            }
            if let refused, refused.jobId == id { row["error"] = refused.message ?? "" }
            return row
        }
        let rows: [[String: Any]] = orders.map { order in
            row(order.workOrderId, branchCode: order.branchCode, action: "lenh-cong-tac",
                label: order.split == nil ? language.pick("Lắp công tơ mới", "New meter installation")
                    : language.pick("Lắp công tơ tách hộ dùng chung", "Meter for a household split off a shared meter"),
                detail: "\(order.status.shown(in: language)) · \(order.requestCode) · \(order.communeCode)",
                assignedTo: order.assignedTo)
        } + visits.map { visit in
            row(visit.visitId, branchCode: visit.branchCode, action: "kiem-tra-cong-to", label: visit.purpose.shown(in: language),
                detail: "\(visit.customerCode) · \(visit.requestCode)", assignedTo: visit.assignedTo)
        }
        return pages.render("dispatch", title: language.pick("Giao việc cho công nhân kỹ thuật", "Give jobs to technicians"),
                            for: request, language: language,
                            context: ["jobs": rows, "noneOpen": rows.isEmpty, "listed": technicians != nil],
                            status: status, staff: staff)
    }

    /// The field technicians of each branch as the directory has them now; nil while it does
    /// not answer, when the page asks for a staff id instead.
    private func technicians(of branches: Set<String>) async -> [String: [DirectoryPerson]]? {
        var found: [String: [DirectoryPerson]] = [:]
        for branch in branches {
            guard let people = try? await assignments.directory.people(of: branch, holding: [.fieldTechnician]) else {
                return nil
            }
            found[branch] = people
        }
        return found
    }

    static let template = """
        <p>{{#vi}}Việc đang mở của điện lực: giao mỗi việc cho một công nhân kỹ thuật, hoặc giao lại cho người khác.{{/vi}}{{#en}}The branch's open jobs: give each to a field technician, or to another one.{{/en}}</p>
        {{#noneOpen}}<p>{{#vi}}Không có việc nào đang mở.{{/vi}}{{#en}}No job is open.{{/en}}</p>{{/noneOpen}}
        <ul class="tasks" id="jobs">{{#jobs}}<li id="{{jobId}}">
          <strong>{{jobId}}</strong> · {{label}}<br><span class="hint">{{detail}}</span><br>
          {{#vi}}Người thực hiện{{/vi}}{{#en}}Technician{{/en}}: <span id="{{jobId}}-assigned-to">{{assignedTo}}</span>
          <form method="post" action="{{action}}" novalidate>
            <div class="field{{#error}} invalid{{/error}}">
              <label for="{{jobId}}-technicianId">{{#vi}}Giao cho{{/vi}}{{#en}}Give to{{/en}}</label>
              {{#listed}}<select id="{{jobId}}-technicianId" name="technicianId"{{#error}} aria-invalid="true" aria-describedby="{{jobId}}-technicianId-error"{{/error}}>{{#unassigned}}<option value="">{{#vi}}Chọn công nhân kỹ thuật{{/vi}}{{#en}}Choose a field technician{{/en}}</option>{{/unassigned}}{{#choices}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/choices}}</select>{{/listed}}
              {{^listed}}<span class="hint" id="{{jobId}}-technicianId-hint">{{#vi}}Danh bạ nhân viên chưa phản hồi: nhập mã nhân viên{{/vi}}{{#en}}The staff directory is not answering: enter the staff id{{/en}}</span>
              <input type="text" id="{{jobId}}-technicianId" name="technicianId" value="{{current}}" autocomplete="off"{{#error}} aria-invalid="true"{{/error}} aria-describedby="{{jobId}}-technicianId-hint{{#error}} {{jobId}}-technicianId-error{{/error}}">{{/listed}}
              {{#error}}<p class="field-error" id="{{jobId}}-technicianId-error">{{error}}</p>{{/error}}
            </div>
            <button type="submit" id="{{jobId}}-assign">{{#vi}}Giao việc{{/vi}}{{#en}}Give the job{{/en}}</button>
          </form></li>{{/jobs}}</ul>
        """
}
