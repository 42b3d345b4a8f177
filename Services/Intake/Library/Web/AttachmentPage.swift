import Attachments
import Foundation
import Hummingbird
import ServiceKit
import WebPages

/// `GET|POST /yeu-cau/{code}/dinh-kem`: the portal's form for attaching papers to a request —
/// the registered phone, the kind of paper and the files — posted as a multipart form to the
/// same use case as the API (``PaperAttachment``). A refused upload comes back with each
/// error beside its field; a kept one lists the files kept, and the form stays for more.
struct AttachmentPage: Sendable {
    let pages: WebPages
    let attachment: PaperAttachment
    let limits: AbuseLimits

    func register(on router: Router<ServiceRequestContext>) {
        router.get("yeu-cau/:code/dinh-kem") { request, context in
            page(request, code: try context.parameters.require("code"), phone: nil, kind: nil, errors: FieldMessages())
        }
        router.post("yeu-cau/:code/dinh-kem") { request, context in
            let client = try limits.admit(.access, request, context)
            let code = try context.parameters.require("code")
            let language = PageLanguage(request)
            var request = request
            let upload: MultipartUpload
            do {
                upload = try await request.multipartUpload(within: attachment.store.limits)
            } catch let unreadable as UnreadableUpload {
                // A body too large or not a form: said beside the file input.
                return page(request, code: code, phone: nil, kind: nil,
                            errors: FieldMessages(unreadable.errors, in: language, wholeRequestAt: "file"), status: unreadable.status)
            }
            switch try await attachment.attach(upload, to: code, from: client) {
            case .success(let kept):
                return page(request, code: code, phone: nil, kind: upload.fields["kind"], errors: FieldMessages(),
                            kept: kept.map { Self.shown($0, in: language) }, status: .created)
            case .failure(.refused(let problem)):
                return page(request, code: code, phone: upload.fields["phone"], kind: upload.fields["kind"],
                            errors: FieldMessages(problem.errors, in: language, wholeRequestAt: "file"), status: problem.status)
            case .failure(.throttled(let throttle)):
                throw TooManyRequests(throttle)
            }
        }
    }

    private func page(_ request: Request, code: String, phone: String?, kind: String?, errors: FieldMessages,
                      kept: [[String: Any]] = [], status: HTTPResponse.Status = .ok) -> Response {
        let language = PageLanguage(request)
        let chosen = kind.flatMap(AttachmentKind.init(rawValue:)) ?? .idCard
        // An error's section is shown for any string, even an empty one: a field without an error has none.
        let fieldErrors: [String: Any] = ["kindError": errors["kind"], "fileError": errors["file"]].compactMapValues { $0 }
        return pages.render("attach", title: language.pick("Bổ sung giấy tờ", "Attach papers"), for: request,
                            language: language, context: fieldErrors.merging([
                                "code": code,
                                "phone": FormField.input("phone", label: ("Số điện thoại đã đăng ký", "Registered phone"),
                                                         in: language, value: phone, error: errors["phone"], type: "tel"),
                                "kinds": AttachmentKind.allCases.map { kind -> [String: Any] in
                                    ["value": kind.rawValue, "label": language.pick(kind.shown.vi, kind.shown.en),
                                     "selected": kind == chosen]
                                },
                                "kept": kept, "hasKept": !kept.isEmpty,
                                "errors": errors.all, "hasErrors": !errors.isEmpty,
                            ]) { $1 }, status: status)
    }

    private static func shown(_ kept: KeptAttachment, in language: PageLanguage) -> [String: Any] {
        ["label": language.pick(kept.kind.shown.vi, kept.kind.shown.en), "type": kept.contentType.shown,
         "size": FileSize.shown(kept.byteCount)]
    }

    static let template = """
        <p>{{#vi}}Yêu cầu{{/vi}}{{#en}}Request{{/en}} <span class="code" id="request-code">{{code}}</span></p>
        {{#hasKept}}<div class="notice" role="status" id="kept"><p>{{#vi}}Đã nhận các tệp sau; điện lực phụ trách sẽ xem xét:{{/vi}}{{#en}}These files were received; the branch in charge will review them:{{/en}}</p>
          <ul>{{#kept}}<li>{{label}} — {{type}}, {{size}}</li>{{/kept}}</ul></div>{{/hasKept}}
        \(FormField.errorSummary)
        <form method="post" action="/yeu-cau/{{code}}/dinh-kem" enctype="multipart/form-data" novalidate id="attach">
          {{#phone}}\(FormField.snippet){{/phone}}
          <div class="field{{#kindError}} invalid{{/kindError}}">
            <label for="kind">{{#vi}}Loại giấy tờ{{/vi}}{{#en}}Kind of paper{{/en}}</label>
            <select id="kind" name="kind">{{#kinds}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/kinds}}</select>
            {{#kindError}}<p class="field-error" id="kind-error">{{kindError}}</p>{{/kindError}}
          </div>
          <div class="field{{#fileError}} invalid{{/fileError}}">
            <label for="file">{{#vi}}Ảnh chụp hoặc bản quét (JPEG, PNG, PDF){{/vi}}{{#en}}Photos or scans (JPEG, PNG, PDF){{/en}}</label>
            <input type="file" id="file" name="file" multiple accept="image/jpeg,image/png,application/pdf"{{#fileError}} aria-invalid="true" aria-describedby="file-error"{{/fileError}}>
            {{#fileError}}<p class="field-error" id="file-error">{{fileError}}</p>{{/fileError}}
          </div>
          <button type="submit" id="submit">{{#vi}}Gửi giấy tờ{{/vi}}{{#en}}Send the papers{{/en}}</button>
        </form>
        """
}
