import Foundation
import GRDB
import Hummingbird
import Logging
import ServiceKit
import StaffAuth
import StaffDirectory
import WebPages

/// The sign-in's routes: `GET/POST /dang-nhap` (sign in), `GET /gia-han` (renew the access
/// token), `POST /dang-xuat` (sign out) and `GET /` (the landing page).
///
/// The password goes to the directory in a bind as the person and nowhere else: it is neither
/// stored nor logged. Consoles send every visitor without a valid token to `/gia-han`, so a
/// person at work renews without seeing this page until their session ends.
struct SignInEndpoint: Sendable {
    static let signInPath = "/dang-nhap"
    static let renewalPath = "/gia-han"
    static let signOutPath = "/dang-xuat"

    let directory: StaffDirectory
    let book: SessionBook
    let tokens: AccessTokens
    let cookies: SessionCookies
    let origins: ConsoleOrigins
    let consoles: ConsoleLinks
    let pages: SignInPages
    let writer: GroupCommitWriter
    let store: ServiceStore
    let now: @Sendable () -> Date
    let logger: Logger

    func register(on router: Router<ServiceRequestContext>) {
        router.get(RouterPath(String(Self.signInPath.dropFirst()))) { request, _ in
            pages.signIn(request, next: request.uri.queryParameters.get("next"),
                         signedOut: request.uri.queryParameters.get("da-dang-xuat") != nil)
        }
        router.post(RouterPath(String(Self.signInPath.dropFirst()))) { request, _ in
            try await signIn(request, form: try await WebForm.read(request))
        }
        router.get(RouterPath(String(Self.renewalPath.dropFirst()))) { request, _ in
            try await renew(request, next: request.uri.queryParameters.get("next"))
        }
        router.post(RouterPath(String(Self.signOutPath.dropFirst()))) { request, _ in
            try await signOut(request)
        }
        router.get("/") { request, _ in
            try await home(request)
        }
    }

    private func signIn(_ request: Request, form: WebForm) async throws -> Response {
        let username = (form["username"] ?? "").trimmingCharacters(in: .whitespaces)
        let person: DirectoryPerson
        do {
            person = try await directory.authenticate(username: username, password: form["password"] ?? "")
        } catch {
            if case .unavailable(let reason) = error {
                logger.error("staff directory unavailable", metadata: ["reason": "\(reason)"])
            }
            let refusal = error.apiError
            return refused(request, form: form, username: username, refusal)
        }
        guard !person.roles.isEmpty else {
            return refused(request, form: form, username: username, Self.noRole)
        }
        let at = now()
        let book = book
        let (id, session) = try await writer.write { db in try book.open(for: person, at: at, in: db) }
        let (token, expiresAt) = try await tokens.issue(for: session, at: at)
        logger.info("staff signed in", metadata: ["staff": "\(person.uid)", "unit": "\(person.unit)"])
        return WebPages.seeOther(origins.destination(form["next"]) ?? "/", cookies: cookies.signedIn(
            token: token, tokenExpiresAt: expiresAt, session: id, sessionEndsAt: session.endsAt, now: at))
    }

    private func refused(_ request: Request, form: WebForm, username: String, _ refusal: APIError) -> Response {
        let message = refusal.errors.first?.message
        return pages.signIn(request, next: form["next"], username: username,
                            problem: (message?.vi ?? "", message?.en ?? ""), status: refusal.status)
    }

    private func renew(_ request: Request, next: String?) async throws -> Response {
        let at = now()
        let book = book
        if let id = sessionID(request),
           let session = try await writer.write({ db in try book.renew(id, at: at, in: db) }) {
            let (token, expiresAt) = try await tokens.issue(for: session, at: at)
            return WebPages.seeOther(origins.destination(next) ?? "/",
                                     cookies: cookies.renewed(token: token, expiresAt: expiresAt, now: at))
        }
        return WebPages.seeOther(Self.signInAddress(next: next), cookies: cookies.cleared)
    }

    private func signOut(_ request: Request) async throws -> Response {
        if let id = sessionID(request) {
            let at = now()
            let book = book
            if let session = try await writer.write({ db in try book.end(id, at: at, in: db) }) {
                logger.info("staff signed out", metadata: ["staff": "\(session.staffId)", "unit": "\(session.unit)"])
            }
        }
        return WebPages.seeOther("\(Self.signInPath)?da-dang-xuat=1", cookies: cookies.cleared)
    }

    private func home(_ request: Request) async throws -> Response {
        let at = now()
        let book = book
        guard let id = sessionID(request),
              let session = try await store.database.read({ db in try book.live(id, at: at, in: db) }) else {
            return WebPages.seeOther(Self.signInPath)
        }
        return pages.home(request, session: session, consoles: consoles.reached(by: session.roles))
    }

    private func sessionID(_ request: Request) -> SessionID? {
        request.cookies[SessionCookies.session].flatMap { $0.value.isEmpty ? nil : SessionID($0.value) }
    }

    /// The sign-in page, asked to send the browser on to `next` afterwards.
    static func signInAddress(next: String?) -> String {
        guard let next, let encoded = next.addingPercentEncoding(withAllowedCharacters: .alphanumerics) else {
            return signInPath
        }
        return "\(signInPath)?next=\(encoded)"
    }

    /// 403: the password is right but the person is in no role group.
    static let noRole = APIError(
        status: .forbidden, code: "auth.no_role",
        vi: "Tài khoản của bạn chưa được gán vai trò nào trong danh bạ nhân viên; hãy liên hệ bộ phận quản trị",
        en: "Your account has no role in the staff directory yet; please contact your administrators")
}
