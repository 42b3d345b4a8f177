import Attachments
import Contracts
import Foundation
import GRDB
import Hummingbird
import Messaging
import ServiceKit
import StaffAuth
import WebPages

/// `GET /phieu/{ticketId}`: one ticket as the branch works it on the console, its details
/// and timeline (the API's detail, rendered; an inquiry's conversation too), with a form for
/// each step its state allows; `POST /phieu/{ticketId}/{step}` records the step (`contact`,
/// `survey`, `installation`, `screening-resolution`, `decision`, `amendment`, an inquiry's
/// `answer` and `close`) through the same workflow and checks as the API, then shows the
/// ticket again; a refused step shows the ticket with the reason.
/// A branch head also sees who works the ticket and a form to assign or re-assign it
/// (`POST /phieu/{ticketId}/assignment`, duty `assigningTickets`).
/// The papers the customer attached to the request are listed, each linked to intake's
/// download (``AttachmentLinks``), which checks the officer's branch again; the contract the
/// customer signed shows its SHA-256 and links to its copy (``SignedCopyDownload``).
struct TicketPage: Sendable {
    let pages: WebPages
    let session: StaffPageSession
    let database: DatabasePool
    let writer: GroupCommitWriter
    let workflows: TicketWorkflows
    let views: TicketViews
    let assignments: TicketAssignments
    let attachmentLinks: AttachmentLinks

    func register(on router: Router<ServiceRequestContext>) {
        router.post("phieu/:ticketId/assignment") { request, context in
            let staff = try await session.visitor(request, context, for: .assigningTickets)
            let id = try context.parameters.require("ticketId")
            let form = try await WebForm.read(request)
            do {
                _ = try await assignments.assign(id, AssignmentForm(officerId: form.text("officerId")), claims: staff.claims)
            } catch let refusal as APIError {
                return try await page(request, id, staff: staff,
                                      problems: FieldMessages(refusal.errors, in: PageLanguage(request)),
                                      refusedStep: "assignment", status: refusal.status)
            }
            return WebPages.seeOther("/phieu/\(id)")
        }
        router.get("phieu/:ticketId") { request, context in
            let staff = try await session.visitor(request, context, for: .tickets)
            let id = try context.parameters.require("ticketId")
            return try await page(request, id, staff: staff, problems: FieldMessages())
        }
        router.post("phieu/:ticketId/:step") { request, context in
            let staff = try await session.visitor(request, context, for: .tickets)
            let id = try context.parameters.require("ticketId")
            let form = try await WebForm.read(request)
            let step = try context.parameters.require("step")
            do {
                try await perform(step, form, ticketId: id, claims: staff.claims)
            } catch let refusal as APIError {
                return try await page(request, id, staff: staff,
                                      problems: FieldMessages(refusal.errors, in: PageLanguage(request)),
                                      refusedStep: step, status: refusal.status)
            }
            return WebPages.seeOther("/phieu/\(id)")
        }
    }

    /// Records `step` on the ticket, in one transaction, as the API's endpoint of the same name does.
    private func perform(_ step: String, _ form: WebForm, ticketId: String, claims: StaffClaims) async throws {
        let step: TicketStep = switch step {
        case "contact": try ContactForm(note: form.text("note")).step()
        case "survey":
            try SurveyForm(outcome: form["outcome"], phase: form["phase"].flatMap { Int($0) },
                           reason: form.text("reason")).step()
        case "installation": .installation
        case "screening-resolution": try ScreeningResolutionForm(decision: form["decision"], note: form.text("note")).step()
        case "decision":
            try DecisionForm(decision: form["decision"], reason: form.text("reason"),
                             phase: form["phase"].flatMap { Int($0) }).step()
        case "amendment": try AmendmentForm(note: form.text("note")).step()
        case "answer": try AnswerForm(text: form.text("text")).step()
        case "close": .closeInquiry
        default: throw APIError.ticketNotFound
        }
        let (workflows, personalData) = (workflows, workflows.personalData)
        try await writer.write { db in
            let ticket = try StaffTicket.accessible(ticketId, claims: claims, personalData: personalData, in: db)
            try APIError.answeringRefusals { try step.record(on: ticket, by: claims.staffId, with: workflows, in: db) }
        }
    }

    /// The ticket's page: the API's detail as the template's values, and the forms its state
    /// allows; with the `problems` of the form of `refusedStep`, each linked to its input.
    private func page(_ request: Request, _ ticketId: String, staff: SignedInStaff, problems: FieldMessages,
                      refusedStep: String? = nil, status: HTTPResponse.Status = .ok) async throws -> Response {
        let language = PageLanguage(request)
        let claims = staff.claims
        let (views, personalData) = (views, workflows.personalData)
        let (detail, ticket, officer) = try await database.read { db in
            let ticket = try StaffTicket.accessible(ticketId, claims: claims, personalData: personalData, in: db)
            return (try JSONCoding.encoder.encode(AnyEncodable(try views.detail(ticket, in: db))), ticket,
                    try AssignmentStore.history(ticketId: ticketId, in: db).last?.officerId)
        }
        var context = try JSONSerialization.jsonObject(with: detail) as? [String: Any] ?? [:]
        let open = context["status"] as? String == "open"
        context["canContact"] = open
        context["officer"] = officer ?? language.pick("Chưa giao", "Not assigned")
        context["canAssign"] = open && claims.holdsAny(of: StaffDuty.assigningTickets.roles)
        switch ticket {
        case .newConnection(let connection):
            context["canSurvey"] = open && connection.survey == nil
            context["canInstall"] = open && connection.survey != nil && connection.installationRequestedAt == nil
            context["canResolve"] = open && connection.screening?.outcome == .conflict && connection.screening?.decision == nil
        case .serviceRequest(let service):
            context["canDecide"] = open && service.stage == .review
            context["isSplit"] = service.kind == .meterSplit
        case .contractAmendment:
            context["canAmend"] = open
        case .inquiry:
            let answerable = !(context["replyAddress"] as? String ?? "").isEmpty
            context["canAnswer"] = open && answerable
            context["noReplyAddress"] = !answerable
            context["canClose"] = open
            context["answerError"] = problems["text"]
        }
        let conversation = Self.timed(context["conversation"])
        context["hasConversation"] = !conversation.isEmpty
        context["conversation"] = conversation.map { message in
            var message = message
            message["fromOfficer"] = message["from"] as? String == "officer"
            return message
        }
        context["ticketId"] = ticketId
        context["errors"] = problems.all.map { problem in
            problem.merging(["id": TicketPageForm.anchor(of: problem["field"] ?? "", step: refusedStep, in: context)]) { $1 }
        }
        context["hasErrors"] = !problems.isEmpty
        if let requestCode = context["requestCode"] as? String {
            let attachments = try await database.read { db in try RequestAttachments.of(requestCode, in: db) }
            context["attachments"] = attachments.map { attachment -> [String: Any] in
                var shown: [String: Any] = [
                    "id": attachment.attachmentId, "link": attachmentLinks.download(attachment.attachmentId),
                    "label": language.pick(attachment.kind.shown.vi, attachment.kind.shown.en),
                    "type": AttachmentContentType.shown(mediaType: attachment.contentType),
                    "size": FileSize.shown(attachment.byteCount),
                    "addedAt": ShownTime.dayAndTime(attachment.addedAt),
                ]
                // Only a mailed file says how it came: an empty string would still show the section.
                if attachment.channel == .email { shown["channel"] = language.pick("qua thư điện tử", "by e-mail") }
                return shown
            }
            context["hasAttachments"] = !attachments.isEmpty
            let signedCopy = try await database.read { db in try SignedCopyStore.kept(requestCode: requestCode, in: db) }
            context.merge(SignedCopyDownload.context(signedCopy, ticketId: ticketId)) { $1 }
        }
        context["timeline"] = Self.timed(context["timeline"])
        return pages.render("ticket", title: language.pick("Phiếu \(ticketId)", "Ticket \(ticketId)"), for: request,
                            language: language, context: Self.shown(context, in: language), status: status,
                            staff: staff)
    }

    /// The entries of a list of the detail (timeline steps, mails), each with its `at` as the page shows it.
    private static func timed(_ list: Any?) -> [[String: Any]] {
        (list as? [[String: Any]] ?? []).map { entry in
            var entry = entry
            if let at = (entry["at"] as? String).flatMap({ try? Date($0, strategy: .iso8601) }) {
                entry["shownAt"] = ShownTime.dayAndTime(at)
            }
            return entry
        }
    }

    /// The page's values for `detail` in `language`: each code with its words, the forms'
    /// choices named the same way, and what a service request asks for as rows.
    static func shown(_ detail: [String: Any], in language: PageLanguage) -> [String: Any] {
        var context = TicketDetailWords(language: language).adding(to: detail)
        context["surveyOutcomes"] = SurveyRecorded.Outcome.choices(in: language)
        context["screeningDecisions"] = ScreeningDecision.choices(in: language)
        context["detailRows"] = RequestDetailRows(language: language).rows(of: detail["details"])
        return context
    }

    static let template = """
        \(FormField.errorSummary)
        <p><a href="/phieu">{{#vi}}← Danh sách phiếu{{/vi}}{{#en}}← All tickets{{/en}}</a></p>
        <dl id="ticket">
          {{#requestCode}}<dt>{{#vi}}Mã yêu cầu{{/vi}}{{#en}}Request{{/en}}</dt><dd class="code" id="request-code">{{requestCode}}</dd>{{/requestCode}}
          {{#customerCode}}<dt>{{#vi}}Mã khách hàng{{/vi}}{{#en}}Customer code{{/en}}</dt><dd class="code" id="customer-code">{{customerCode}}</dd>{{/customerCode}}
          <dt>{{#vi}}Loại{{/vi}}{{#en}}Kind{{/en}}</dt><dd>{{kindLabel}}</dd>
          <dt>{{#vi}}Trạng thái{{/vi}}{{#en}}Status{{/en}}</dt><dd id="status">{{statusLabel}}{{#closure}}{{#resolutionLabel}} — {{resolutionLabel}}{{/resolutionLabel}}{{/closure}}</dd>
          {{#stageLabel}}<dt>{{#vi}}Bước{{/vi}}{{#en}}Stage{{/en}}</dt><dd id="stage">{{stageLabel}}</dd>{{/stageLabel}}
          <dt>{{#vi}}Hạn{{/vi}}{{#en}}Due{{/en}}</dt><dd id="due" class="sla-{{slaState}}">{{dueDate}} ({{#vi}}hạn{{/vi}}{{#en}}limit{{/en}} {{slaLimitWorkingDays}} {{#vi}}ngày làm việc{{/vi}}{{#en}}working days{{/en}}, {{slaLabel}})</dd>
          <dt>{{#vi}}Người xử lý{{/vi}}{{#en}}Officer{{/en}}</dt><dd id="officer">{{officer}}</dd>
          {{#applicant}}<dt>{{#vi}}Khách hàng{{/vi}}{{#en}}Customer{{/en}}</dt><dd>{{fullName}} · <a href="tel:{{phone}}">{{phone}}</a></dd>{{/applicant}}
          {{#subject}}<dt>{{#vi}}Tiêu đề thư{{/vi}}{{#en}}Subject{{/en}}</dt><dd id="subject">{{subject}}</dd>
          <dt>{{#vi}}Kênh{{/vi}}{{#en}}Channel{{/en}}</dt><dd id="channel">E-mail{{#replyAddress}} · <a href="mailto:{{replyAddress}}">{{replyAddress}}</a>{{/replyAddress}}</dd>{{/subject}}
          {{#requester}}<dt>{{#vi}}Người yêu cầu{{/vi}}{{#en}}Requester{{/en}}</dt><dd>{{fullName}} · <a href="tel:{{phone}}">{{phone}}</a></dd>{{/requester}}
          {{#detailRows}}<dt>{{label}}</dt><dd id="{{id}}">{{value}}</dd>{{/detailRows}}
          {{#reasonLabel}}<dt>{{#vi}}Số hộ dùng chung{{/vi}}{{#en}}Households sharing the meter{{/en}}</dt><dd id="household-change">{{previousCount.households}} → {{newCount.households}} ({{reasonLabel}})</dd>{{/reasonLabel}}
          {{#screening}}<dt>{{#vi}}Kiểm tra hồ sơ hộ{{/vi}}{{#en}}Screening{{/en}}</dt><dd id="screening">{{outcomeLabel}}{{#decisionLabel}} · {{decisionLabel}}{{/decisionLabel}}</dd>{{/screening}}
          {{#survey}}<dt>{{#vi}}Khảo sát{{/vi}}{{#en}}Survey{{/en}}</dt><dd id="survey">{{outcomeLabel}}, {{phase}} {{#vi}}pha{{/vi}}{{#en}}phase{{/en}}{{#reason}} — {{reason}}{{/reason}}</dd>{{/survey}}
          {{#contract}}<dt>{{#vi}}Hợp đồng{{/vi}}{{#en}}Contract{{/en}}</dt><dd id="contract">{{contractNumber}} ({{statusLabel}}) · {{customerCode}}{{#version}} · {{#vi}}phiên bản{{/vi}}{{#en}}version{{/en}} {{version}}{{/version}}</dd>
          <dt>{{#vi}}Thời hạn hợp đồng{{/vi}}{{#en}}Contract ends{{/en}}</dt><dd id="contract-ends">{{endsLabel}}</dd>{{/contract}}
          {{#endedContract}}<dt>{{#vi}}Hợp đồng đã chấm dứt{{/vi}}{{#en}}Contract ended{{/en}}</dt><dd id="ended-contract"><span class="code">{{contractNumber}}</span> · {{customerCode}} · {{#vi}}phiên bản{{/vi}}{{#en}}version{{/en}} {{version}} · {{#vi}}chấm dứt từ ngày{{/vi}}{{#en}}ended on{{/en}} {{endedOn}}</dd>{{/endedContract}}
        </dl>
        {{#contract}}{{#hasHistory}}<h2>{{#vi}}Lịch sử hợp đồng{{/vi}}{{#en}}Contract history{{/en}}</h2>
        <table id="contract-history"><thead><tr><th>{{#vi}}Phiên bản{{/vi}}{{#en}}Version{{/en}}</th><th>{{#vi}}Thay đổi{{/vi}}{{#en}}Change{{/en}}</th><th>{{#vi}}Hiệu lực từ{{/vi}}{{#en}}In force from{{/en}}</th><th>{{#vi}}Giá bán điện{{/vi}}{{#en}}Tariff{{/en}}</th><th>{{#vi}}Số hộ dùng chung{{/vi}}{{#en}}Households{{/en}}</th><th>{{#vi}}Đến ngày{{/vi}}{{#en}}Until{{/en}}</th><th>{{#vi}}Trạng thái{{/vi}}{{#en}}Status{{/en}}</th><th>{{#vi}}Theo yêu cầu{{/vi}}{{#en}}Requested by{{/en}}</th></tr></thead>
          <tbody>{{#history}}<tr data-version="{{version}}"><td>{{version}}</td><td>{{changeLabel}}{{#holderIdNumber}} ({{#vi}}chủ mới, CCCD{{/vi}}{{#en}}new holder, ID{{/en}} {{holderIdNumber}}){{/holderIdNumber}}</td><td>{{effectiveOn}}</td><td>{{tariffLabel}}</td><td>{{households.households}}</td><td class="ends">{{endsLabel}}</td><td>{{statusLabel}}</td><td class="code">{{cause}}</td></tr>{{/history}}</tbody></table>{{/hasHistory}}{{/contract}}
        {{#canAssign}}<form method="post" action="/phieu/{{ticketId}}/assignment"><div class="field"><label for="officer-id">{{#vi}}Giao cho nhân viên (mã nhân viên){{/vi}}{{#en}}Assign to officer (staff id){{/en}}</label>
          <input type="text" id="officer-id" name="officerId"></div><button type="submit" id="assign">{{#vi}}Giao phiếu{{/vi}}{{#en}}Assign{{/en}}</button></form>{{/canAssign}}
        {{#canContact}}<form method="post" action="/phieu/{{ticketId}}/contact"><div class="field"><label for="contact-note">{{#vi}}Ghi chú cuộc gọi{{/vi}}{{#en}}Call note{{/en}}</label>
          <input type="text" id="contact-note" name="note"></div><button type="submit" id="record-contact">{{#vi}}Ghi nhận đã liên hệ{{/vi}}{{#en}}Record the call{{/en}}</button></form>{{/canContact}}
        {{#canSurvey}}<form method="post" action="/phieu/{{ticketId}}/survey"><h2>{{#vi}}Kết quả khảo sát{{/vi}}{{#en}}Survey{{/en}}</h2>
          <div class="field"><label for="outcome">{{#vi}}Kết quả{{/vi}}{{#en}}Outcome{{/en}}</label><select id="outcome" name="outcome">
            {{#surveyOutcomes}}<option value="{{value}}">{{label}}</option>{{/surveyOutcomes}}</select></div>
          <div class="field"><label for="phase">{{#vi}}Số pha{{/vi}}{{#en}}Phase{{/en}}</label><select id="phase" name="phase"><option>1</option><option>3</option></select></div>
          <div class="field"><label for="survey-reason">{{#vi}}Lý do (khi không đủ điều kiện){{/vi}}{{#en}}Reason (when infeasible){{/en}}</label><input type="text" id="survey-reason" name="reason"></div>
          <button type="submit" id="record-survey">{{#vi}}Ghi nhận khảo sát{{/vi}}{{#en}}Record the survey{{/en}}</button></form>{{/canSurvey}}
        {{#canInstall}}<form method="post" action="/phieu/{{ticketId}}/installation"><button type="submit" id="request-installation">{{#vi}}Yêu cầu lắp công tơ{{/vi}}{{#en}}Ask for the meter installation{{/en}}</button></form>{{/canInstall}}
        {{#canResolve}}<form method="post" action="/phieu/{{ticketId}}/screening-resolution"><h2>{{#vi}}Xử lý hồ sơ trùng{{/vi}}{{#en}}Screening conflict{{/en}}</h2>
          <div class="field"><label for="resolution">{{#vi}}Quyết định{{/vi}}{{#en}}Decision{{/en}}</label><select id="resolution" name="decision">{{#screeningDecisions}}<option value="{{value}}">{{label}}</option>{{/screeningDecisions}}</select></div>
          <div class="field"><label for="resolution-note">{{#vi}}Ghi chú{{/vi}}{{#en}}Note{{/en}}</label><input type="text" id="resolution-note" name="note"></div>
          <button type="submit" id="resolve-screening">{{#vi}}Ghi nhận{{/vi}}{{#en}}Record{{/en}}</button></form>{{/canResolve}}
        {{#canDecide}}<form method="post" action="/phieu/{{ticketId}}/decision"><h2>{{#vi}}Quyết định{{/vi}}{{#en}}Decision{{/en}}</h2>
          <div class="field"><label for="decision">{{#vi}}Chấp thuận hay từ chối{{/vi}}{{#en}}Approve or refuse{{/en}}</label><select id="decision" name="decision">
            <option value="approve">{{#vi}}Chấp thuận{{/vi}}{{#en}}Approve{{/en}}</option><option value="refuse">{{#vi}}Từ chối{{/vi}}{{#en}}Refuse{{/en}}</option></select></div>
          <div class="field"><label for="decision-reason">{{#vi}}Lý do từ chối (gửi khách hàng){{/vi}}{{#en}}Reason for a refusal (told to the customer){{/en}}</label><input type="text" id="decision-reason" name="reason"></div>
          {{#isSplit}}<div class="field"><label for="decision-phase">{{#vi}}Số pha công tơ mới{{/vi}}{{#en}}New meter's phase{{/en}}</label><select id="decision-phase" name="phase"><option>1</option><option>3</option></select></div>{{/isSplit}}
          <button type="submit" id="record-decision">{{#vi}}Ghi nhận quyết định{{/vi}}{{#en}}Record the decision{{/en}}</button></form>{{/canDecide}}
        {{#canAmend}}<form method="post" action="/phieu/{{ticketId}}/amendment"><div class="field"><label for="amendment-note">{{#vi}}Ghi chú điều chỉnh{{/vi}}{{#en}}Amendment note{{/en}}</label>
          <input type="text" id="amendment-note" name="note"></div><button type="submit" id="record-amendment">{{#vi}}Đã điều chỉnh hợp đồng{{/vi}}{{#en}}Contract amended{{/en}}</button></form>{{/canAmend}}
        {{#hasConversation}}<h2>{{#vi}}Trao đổi{{/vi}}{{#en}}Conversation{{/en}}</h2>
        <ol class="conversation" id="conversation">{{#conversation}}<li class="{{from}}"><p><time datetime="{{at}}">{{shownAt}}</time>
          {{#fromOfficer}}{{#vi}}Nhân viên {{staffId}} trả lời{{/vi}}{{#en}}Officer {{staffId}} answered{{/en}}{{/fromOfficer}}{{^fromOfficer}}{{#vi}}Khách hàng viết{{/vi}}{{#en}}The customer wrote{{/en}}{{/fromOfficer}}</p>
          <pre class="mail-text">{{text}}</pre></li>{{/conversation}}</ol>{{/hasConversation}}
        {{#canAnswer}}<form method="post" action="/phieu/{{ticketId}}/answer"><h2>{{#vi}}Trả lời khách hàng{{/vi}}{{#en}}Answer the customer{{/en}}</h2>
          <div class="field{{#answerError}} invalid{{/answerError}}"><label for="answer-text">{{#vi}}Nội dung trả lời (gửi qua thư điện tử, trong cùng chuỗi thư){{/vi}}{{#en}}Answer (sent by e-mail, in the customer's thread){{/en}}</label>
          <textarea id="answer-text" name="text" rows="8"{{#answerError}} aria-invalid="true" aria-describedby="answer-text-error"{{/answerError}}></textarea>
          {{#answerError}}<p class="field-error" id="answer-text-error">{{answerError}}</p>{{/answerError}}</div>
          <button type="submit" id="send-answer">{{#vi}}Gửi trả lời{{/vi}}{{#en}}Send the answer{{/en}}</button></form>{{/canAnswer}}
        {{#canClose}}{{#noReplyAddress}}<p class="notice" id="no-reply-address">{{#vi}}Thư không có địa chỉ trả lời: vui lòng liên hệ khách hàng theo cách khác.{{/vi}}{{#en}}The mail names no address to answer: reach the customer another way.{{/en}}</p>{{/noReplyAddress}}
          <form method="post" action="/phieu/{{ticketId}}/close"><button type="submit" id="close-inquiry">{{#vi}}Đóng phiếu{{/vi}}{{#en}}Close the ticket{{/en}}</button></form>{{/canClose}}

        {{#hasAttachments}}<h2>{{#vi}}Giấy tờ đính kèm{{/vi}}{{#en}}Attached papers{{/en}}</h2>
        <ul id="attachments">{{#attachments}}<li data-attachment="{{id}}"><a href="{{link}}" download>{{label}}</a> · {{type}}, {{size}} · <time>{{addedAt}}</time>{{#channel}} · {{channel}}{{/channel}}</li>{{/attachments}}</ul>{{/hasAttachments}}
        \(SignedCopyDownload.template)
        <h2>{{#vi}}Tiến trình{{/vi}}{{#en}}Timeline{{/en}}</h2>
        <ol class="timeline" id="timeline">{{#timeline}}<li><time datetime="{{at}}">{{shownAt}}</time>{{#vi}}{{label.vi}}{{/vi}}{{#en}}{{label.en}}{{/en}}</li>{{/timeline}}</ol>
        """
}

/// Any encodable value as one, so the API's detail of any ticket kind encodes with the same encoder.
private struct AnyEncodable: Encodable {
    let value: any Encodable
    init(_ value: any Encodable) { self.value = value }
    func encode(to encoder: any Encoder) throws { try value.encode(to: encoder) }
}
