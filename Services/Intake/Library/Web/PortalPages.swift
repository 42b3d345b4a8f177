import Contracts
import Foundation
import GRDB
import Hummingbird
import ServiceKit
import StaffAuth
import VietnameseIdentity
import WebPages

/// The customer portal (phone-first, Vietnamese with an English switch) and the call-centre
/// console, served by intake through the same use cases as its API (``ConnectionFiling``,
/// ``RequestTracking``, ``ContractSigning``):
///
/// - `GET /`: the services; `GET|POST /yeu-cau/cap-dien-moi`: a new connection, then
///   `GET /yeu-cau/{code}/da-nhan`, the receipt with the request code;
/// - `GET|POST /tra-cuu`: tracking by code and phone (with the applicant's signed copy to
///   download once signed), and `GET /track/{code}`, the link in the first notice and the
///   receipt's `Location`, the same form with the code filled in;
///   `GET|POST /ky-hop-dong`: signing with the SMS code; `POST /ky-hop-dong/xem`, the drafted
///   contract to read (and print) before signing, with the signing form below it; and
///   `POST /ky-hop-dong/ma-moi`, the signing form's "send me a new code", under the API's limits;
///   `POST /ky-hop-dong/ban-da-ky`, the signed copy, the bytes signed, as a download;
/// - `GET|POST /tong-dai/cap-dien-moi`: an operator (role `call_centre`, signed in at the
///   staff sign-in) files for a caller, channel `phone`, recorded as the operator.
///
/// A refused form answers 422 with the page again: what was typed and each error beside its field.
/// The customer's forms count against the client's allowances and the phone's (``AbuseLimits``),
/// a filing against the phone's budget too (``PhoneMessageBudget``); the operator's filing
/// vouches for the caller's phone instead.
struct PortalPages: Sendable {
    static let connectionPath = "/yeu-cau/cap-dien-moi"
    static let callCentrePath = "/tong-dai/cap-dien-moi"

    let pages: WebPages
    let form: ConnectionFormPage
    let filing: ConnectionFiling
    let tracking: RequestTracking
    let signing: ContractSigning
    let session: StaffPageSession
    let limits: AbuseLimits
    let database: DatabasePool

    func register(on router: Router<ServiceRequestContext>) {
        WebAssets.register(on: router)
        router.get("/") { request, _ in
            let language = PageLanguage(request)
            return pages.render("home", title: language.pick("Dịch vụ điện trực tuyến", "Electricity services online"),
                                for: request, language: language)
        }
        router.get(RouterPath(String(Self.connectionPath.dropFirst()))) { request, _ in
            connectionPage(request, WebForm(fields: [:]), errors: FieldMessages(), operator: nil)
        }
        router.post(RouterPath(String(Self.connectionPath.dropFirst()))) { request, context in
            try limits.admit(.filing, request, context)
            return try await file(request, channel: .web, operator: nil)
        }
        router.get(RouterPath(String(Self.callCentrePath.dropFirst()))) { request, context in
            let staff = try await session.visitor(request, context, for: .callCentre)
            // The console's link fills the caller's phone in.
            return connectionPage(request, WebForm(query: request), errors: FieldMessages(), operator: staff)
        }
        router.post(RouterPath(String(Self.callCentrePath.dropFirst()))) { request, context in
            try await file(request, channel: .phone, operator: try await session.visitor(request, context, for: .callCentre))
        }
        router.get("yeu-cau/:code/da-nhan") { request, context in
            try limits.admit(.lookup, request, context)
            return try await receipt(request, code: context.parameters.require("code"))
        }
        router.get("tra-cuu") { request, _ in
            codePage(request, "track", WebForm(fields: ["code": request.uri.queryParameters.get("code") ?? ""]),
                     errors: FieldMessages())
        }
        router.get("track/:code") { request, context in
            codePage(request, "track", WebForm(fields: ["code": context.parameters.get("code") ?? ""]),
                     errors: FieldMessages())
        }
        router.post("tra-cuu") { request, context in
            try await track(request, from: limits.admit(.access, request, context))
        }
        router.get("ky-hop-dong") { request, _ in
            codePage(request, "sign", WebForm(fields: ["code": request.uri.queryParameters.get("code") ?? ""]),
                     errors: FieldMessages())
        }
        router.post("ky-hop-dong") { request, context in
            try await sign(request, from: limits.admit(.access, request, context))
        }
        router.post("ky-hop-dong/xem") { request, context in
            try await showContract(request, from: limits.admit(.access, request, context))
        }
        router.post("ky-hop-dong/ma-moi") { request, context in
            try await reissueSigningCode(request, from: limits.admit(.access, request, context))
        }
        router.post("ky-hop-dong/ban-da-ky") { request, context in
            try await downloadSignedCopy(request, from: limits.admit(.access, request, context))
        }
    }

    // MARK: New connection

    /// Files the posted request: the public's, or a call-centre operator's (`staff`), who files
    /// for their own branch's communes only unless they are the corporation's hotline.
    private func file(_ request: Request, channel: Channel, operator staff: SignedInStaff?) async throws -> Response {
        let language = PageLanguage(request)
        let sent = try await WebForm.read(request)
        let posted = form.compacted(sent)
        let party: FilingParty = staff.map { .callCentre($0.claims) } ?? .anonymous
        switch try await filing.file(form.submission(posted, channel: channel, operatorId: party.operatorId), by: party,
                                     idempotency: FormSubmissionKey.claim(sent)) {
        case .success(.accepted(let receipt)), .success(.replayed(let receipt)):
            return WebPages.seeOther("/yeu-cau/\(receipt.requestCode)/da-nhan")
        case .success(.keyReused):
            return connectionPage(request, FormSubmissionKey.dropped(from: posted),
                                  errors: FieldMessages([FormSubmissionKey.sentWithOtherDetails], in: language),
                                  operator: staff, status: .conflict)
        case .failure(.invalid(let errors)):
            return connectionPage(request, posted, errors: FieldMessages(errors, in: language), operator: staff,
                                  status: .unprocessableContent)
        case .failure(.otherUnit(let field)):
            return connectionPage(request, posted, errors: FieldMessages(APIError.namedOtherUnit(field: field).errors, in: language),
                                  operator: staff, status: .forbidden)
        case .failure(.throttled(let throttle)):
            throw TooManyRequests(throttle)
        }
    }

    private func connectionPage(_ request: Request, _ posted: WebForm, errors: FieldMessages, operator staff: SignedInStaff?,
                                status: HTTPResponse.Status = .ok) -> Response {
        let language = PageLanguage(request)
        var context = form.context(posted, errors: errors, language: language)
        context["operator"] = staff?.claims.staffId
        context["action"] = staff == nil ? Self.connectionPath : Self.callCentrePath
        context["formKey"] = FormSubmissionKey.rendered(posted)
        let title = staff == nil
            ? language.pick("Đăng ký cấp điện mới", "Request a new connection")
            : language.pick("Tổng đài: cấp điện mới cho khách hàng", "Call centre: a new connection for a caller")
        return pages.render("connection", title: title, for: request, language: language, context: context,
                            status: status, staff: staff)
    }

    private func receipt(_ request: Request, code: String) async throws -> Response {
        let language = PageLanguage(request)
        guard let branch = try await database.read({ db in try RequestRecord.find(code, in: db) })?.branch else {
            throw APIError.requestNotFound
        }
        return pages.render("received", title: language.pick("Đã nhận yêu cầu", "Request received"), for: request,
                            language: language, context: [
                                "requestCode": code, "branchName": branch.name, "branchHotline": branch.hotline,
                            ])
    }

    // MARK: Tracking and signing

    private func track(_ request: Request, from client: ClientOrigin) async throws -> Response {
        let posted = try await WebForm.read(request)
        let outcome = try await tracking.track(Self.code(posted), form: AccessForm(phone: posted["phone"]), from: client)
        let signed = if case .success(let answer) = outcome {
            try await database.read { db in try SigningSession.applicantSignedCopyExists(forRequest: answer.requestCode, in: db) }
        } else { false }
        return try answer(request, posted, outcome, refusedOn: "track") { answer, language in
            var context = Self.timelineContext(answer, language)
            if signed { context["signedCopy"] = ["phone": posted["phone"] ?? ""] }
            return pages.render("timeline", title: language.pick("Tiến độ yêu cầu", "Where the request stands"),
                                for: request, language: language, context: context)
        }
    }

    private func sign(_ request: Request, from client: ClientOrigin) async throws -> Response {
        let posted = try await WebForm.read(request)
        let outcome = try await signing.sign(Self.code(posted), form: SignatureForm(phone: posted["phone"],
                                                                                     signingCode: posted["signingCode"]),
                                             from: client)
        return try answer(request, posted, outcome, refusedOn: "sign") { receipt, language in
            pages.render("signed", title: language.pick("Đã ký hợp đồng", "Contract signed"), for: request,
                         language: language, context: [
                             "contractNumber": receipt.contractNumber, "signedAt": ShownTime.dayAndTime(receipt.signedAt),
                             "requestCode": receipt.requestCode, "phone": posted["phone"] ?? "",
                             "sha256": receipt.signedCopySHA256 ?? "",
                         ])
        }
    }

    /// The contract as its signer signed it, byte for byte; or the signing form with why not
    /// (the same 404 as tracking for another phone or code).
    private func downloadSignedCopy(_ request: Request, from client: ClientOrigin) async throws -> Response {
        let posted = try await WebForm.read(request)
        let code = Self.code(posted)
        let outcome = try await signing.signedCopy(code, form: AccessForm(phone: posted["phone"]), from: client)
        return try answer(request, posted, outcome, refusedOn: "sign") { copy, _ in
            Response.signedCopy(copy, requestCode: code)
        }
    }

    /// The drafted contract, then the signing form for it; or the signing form with why not.
    private func showContract(_ request: Request, from client: ClientOrigin) async throws -> Response {
        let posted = try await WebForm.read(request)
        let outcome = try await signing.contract(Self.code(posted), form: AccessForm(phone: posted["phone"]), from: client)
        return try answer(request, posted, outcome, refusedOn: "sign") { contract, language in
            codePage(request, "contract", posted, errors: FieldMessages(),
                     extra: ContractView(contract: contract, areas: form.areas).context(language))
        }
    }

    /// The signing form again, saying a new code is on its way; or with why none was sent.
    private func reissueSigningCode(_ request: Request, from client: ClientOrigin) async throws -> Response {
        let posted = try await WebForm.read(request)
        let outcome = try await signing.newCode(Self.code(posted), form: AccessForm(phone: posted["phone"]), from: client)
        return try answer(request, posted, outcome, refusedOn: "sign") { notice, _ in
            codePage(request, "sign", posted, errors: FieldMessages(), extra: [
                "newCodeSent": ["validityMinutes": notice.validityMinutes, "expiresAt": ShownTime.dayAndTime(notice.expiresAt)],
            ])
        }
    }

    /// Answers a posted tracking or signing form with `shown`, or, when the request refuses,
    /// shows the form `fallback` again with what was typed and the refusal beside its field; a
    /// refusal about the request as a whole (not found, nothing to sign) beside the code. A
    /// throttled customer gets the page saying when to come back (``TooManyRequestsPage``).
    private func answer<Value>(
        _ request: Request, _ posted: WebForm, _ outcome: Result<Value, RequestRefusal>, refusedOn fallback: String,
        _ shown: (Value, PageLanguage) -> Response
    ) throws -> Response {
        let language = PageLanguage(request)
        switch outcome {
        case .success(let value):
            return shown(value, language)
        case .failure(.refused(let problem)):
            return codePage(request, fallback, posted, errors: FieldMessages(problem.errors, in: language, wholeRequestAt: "code"),
                            status: problem.status)
        case .failure(.throttled(let throttle)):
            throw TooManyRequests(throttle)
        }
    }

    private static func timelineContext(_ answer: TrackingAnswer, _ language: PageLanguage) -> [String: Any] {
        var context: [String: Any] = [
            "requestCode": answer.requestCode, "branchName": answer.branch.name, "branchHotline": answer.branch.hotline,
            "channel": answer.channel.shown(in: language),
            "steps": answer.steps.map { step in
                ["at": step.at.formatted(.iso8601), "shownAt": ShownTime.dayAndTime(step.at), "label": language.pick(step.label.vi, step.label.en)]
            },
        ]
        context["dueDate"] = answer.dueDate.map { ShownTime.day($0.description) }
        return context
    }

    /// The tracking or signing form with what was typed (never the signing code), its errors,
    /// and `extra` values its template shows.
    private func codePage(_ request: Request, _ name: String, _ posted: WebForm, errors: FieldMessages,
                          extra: [String: Any] = [:], status: HTTPResponse.Status = .ok) -> Response {
        let language = PageLanguage(request)
        func field(_ field: String, _ label: (String, String), type: String = "text", keep: Bool = true,
                   hint: (String, String)? = nil) -> [String: Any] {
            FormField.input(field, label: label, in: language, value: keep ? posted[field] : nil, error: errors[field],
                            type: type, hint: hint)
        }
        let title = name == "track" ? language.pick("Tra cứu yêu cầu", "Track a request")
                                    : language.pick("Ký hợp đồng mua bán điện", "Sign the electricity contract")
        return pages.render(name, title: title, for: request, language: language, context: [
            "code": field("code", ("Mã yêu cầu", "Request code"), hint: ("Ví dụ PC05TK-251124-000123", "e.g. PC05TK-251124-000123")),
            "phone": field("phone", ("Số điện thoại đã đăng ký", "Registered phone"), type: "tel"),
            "signingCode": field("signingCode", ("Mã ký (6 chữ số trong SMS)", "Signing code (6 digits from the SMS)"),
                                 keep: false),
            "errors": errors.all, "hasErrors": !errors.isEmpty,
        ].merging(extra) { $1 }, status: status)
    }

    private static func code(_ posted: WebForm) -> String {
        (posted["code"] ?? "").trimmingCharacters(in: .whitespaces).uppercased()
    }
}
