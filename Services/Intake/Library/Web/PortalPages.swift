import Contracts
import Foundation
import GRDB
import Hummingbird
import Logging
import ServiceKit
import StaffAuth
import VietnameseIdentity
import WebPages

/// The customer portal (phone-first, Vietnamese with an English switch) and the call-centre
/// console, served by intake from the same validators and stores as its API:
///
/// - `GET /`: the services; `GET|POST /yeu-cau/cap-dien-moi`: a new connection, then
///   `GET /yeu-cau/{code}/da-nhan`, the receipt with the request code;
/// - `GET|POST /tra-cuu`: tracking by code and phone, and `GET /track/{code}`, the link in the
///   first notice and the receipt's `Location`, the same form with the code filled in;
///   `GET|POST /ky-hop-dong`: signing with the SMS code; `POST /ky-hop-dong/xem`, the drafted
///   contract to read (and print) before signing, with the signing form below it; and
///   `POST /ky-hop-dong/ma-moi`, the signing form's "send me a new code", under the API's limits;
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
    let validator: SubmissionValidator
    let store: SubmissionStore
    let tracking: TrackingEndpoint
    let signing: SigningEndpoints
    let session: StaffPageSession
    let limits: AbuseLimits
    let database: DatabasePool
    let clock: WallClock
    let logger: Logger

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
    }

    // MARK: New connection

    /// Files the posted request: the public's, or a call-centre operator's (`staff`), who files
    /// for their own branch's communes only unless they are the corporation's hotline.
    private func file(_ request: Request, channel: Channel, operator staff: SignedInStaff?) async throws -> Response {
        let language = PageLanguage(request)
        let sent = try await WebForm.read(request)
        let posted = form.compacted(sent)
        let claims = staff?.claims
        let operatorId = claims?.staffId
        let connection: ConnectionRequest
        do {
            connection = try validator.validate(form.submission(posted, channel: channel, operatorId: operatorId))
        } catch {
            return connectionPage(request, posted, errors: FieldMessages(error.errors, in: language),
                                  operator: staff, status: .unprocessableContent)
        }
        if let claims, !claims.mayAccess(unit: connection.area.branch.code) {
            return connectionPage(request, posted,
                                  errors: FieldMessages(APIError.namedOtherUnit(field: "site.communeCode").errors, in: language),
                                  operator: staff, status: .forbidden)
        }
        let filer: Filer = operatorId == nil ? .anonymous : .signedInOperator
        if filer == .anonymous { try limits.admit(phone: connection.phone) }
        switch try await PhoneBudgetSpent.answered({
            try await store.submit(connection, by: filer, idempotency: FormSubmissionKey.claim(sent), at: clock.now())
        }) {
        case .accepted(let receipt):
            logger.info("request submitted on the portal", metadata: .request(receipt.requestCode, [
                "branch": "\(receipt.branch.code)", "channel": "\(channel.rawValue)",
            ]))
            return WebPages.seeOther("/yeu-cau/\(receipt.requestCode)/da-nhan")
        case .replayed(let receipt):
            logger.info("request form sent again, nothing filed", metadata: .request(receipt.requestCode))
            return WebPages.seeOther("/yeu-cau/\(receipt.requestCode)/da-nhan")
        case .keyReused:
            return connectionPage(request, FormSubmissionKey.dropped(from: posted),
                                  errors: FieldMessages(APIError.formSentWithOtherDetails.errors, in: language),
                                  operator: staff, status: .conflict)
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
        try await answerCodeForm(request, refusedOn: "track") { posted, language in
            let answer = try await tracking.track(Self.code(posted), phone: Self.phone(posted), from: client)
            return pages.render("timeline", title: language.pick("Tiến độ yêu cầu", "Where the request stands"),
                                for: request, language: language, context: Self.timelineContext(answer, language))
        }
    }

    private func sign(_ request: Request, from client: ClientOrigin) async throws -> Response {
        try await answerCodeForm(request, refusedOn: "sign") { posted, language in
            let (phone, code): (VietnamesePhoneNumber, SigningCode)
            do throws(ValidationFailure) {
                (phone, code) = try SignatureForm(phone: posted["phone"], signingCode: posted["signingCode"]).validated()
            } catch { throw APIError.invalid(error) }
            let receipt = try await signing.sign(Self.code(posted), phone: phone, with: code, from: client)
            return pages.render("signed", title: language.pick("Đã ký hợp đồng", "Contract signed"), for: request,
                                language: language, context: [
                                    "contractNumber": receipt.contractNumber, "signedAt": ShownTime.dayAndTime(receipt.signedAt),
                                ])
        }
    }

    /// The drafted contract, then the signing form for it; or the signing form with why not.
    private func showContract(_ request: Request, from client: ClientOrigin) async throws -> Response {
        try await answerCodeForm(request, refusedOn: "sign") { posted, language in
            let contract = try await signing.contract(Self.code(posted), phone: Self.phone(posted), from: client)
            return codePage(request, "contract", posted, errors: FieldMessages(),
                            extra: ContractView(contract: contract, areas: form.areas).context(language))
        }
    }

    /// The signing form again, saying a new code is on its way; or with why none was sent.
    private func reissueSigningCode(_ request: Request, from client: ClientOrigin) async throws -> Response {
        try await answerCodeForm(request, refusedOn: "sign") { posted, _ in
            let notice = try await signing.reissue(Self.code(posted), phone: Self.phone(posted), from: client)
            return codePage(request, "sign", posted, errors: FieldMessages(), extra: [
                "newCodeSent": ["validityMinutes": notice.validityMinutes, "expiresAt": ShownTime.dayAndTime(notice.expiresAt)],
            ])
        }
    }

    /// Answers a posted tracking or signing form with `answer`, or, when the request refuses,
    /// shows the form `fallback` again with what was typed and the refusal beside its field.
    private func answerCodeForm(
        _ request: Request, refusedOn fallback: String, _ answer: (WebForm, PageLanguage) async throws -> Response
    ) async throws -> Response {
        let language = PageLanguage(request)
        let posted = try await WebForm.read(request)
        do {
            return try await answer(posted, language)
        } catch let refusal as APIError {
            return codePage(request, fallback, posted, errors: Self.messages(refusal, language: language),
                            status: refusal.status)
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

    /// An API refusal as the form shows it: a refusal about the request as a whole (not found,
    /// too many failures, nothing to sign) beside the code.
    private static func messages(_ refusal: APIError, language: PageLanguage) -> FieldMessages {
        FieldMessages(refusal.errors, in: language, wholeRequestAt: "code")
    }

    private static func code(_ posted: WebForm) -> String {
        (posted["code"] ?? "").trimmingCharacters(in: .whitespaces).uppercased()
    }

    private static func phone(_ posted: WebForm) throws -> VietnamesePhoneNumber {
        do { return try AccessForm(phone: posted["phone"]).validated() } catch { throw APIError.invalid(error) }
    }
}
