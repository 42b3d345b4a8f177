import Foundation
import GRDB
import Hummingbird
import Logging
import ServiceKit
import StaffAuth
import StaffDirectory
import WebPages

/// The sign-in's routes: `GET/POST /dang-nhap` (sign in), `GET /gia-han` (renew the access
/// token, for a person's session or a wall-board device), `POST /dang-xuat` (sign out) and
/// `GET /` (the landing page).
///
/// The password goes to the directory in a bind as the person and nowhere else: it is neither
/// stored nor logged. Consoles send every visitor without a valid token to `/gia-han`, so a
/// person at work renews without seeing this page until their session ends. Every sign-in,
/// failure, lock-out, refused renewal and sign-out goes into the audit (``SignInLedger``).
struct SignInEndpoint: Sendable {
    static let signInPath = "/dang-nhap"
    static let renewalPath = "/gia-han"
    static let signOutPath = "/dang-xuat"

    let directory: StaffDirectory
    let book: SessionBook
    let ledger: SignInLedger
    let devices: WallBoardDevices
    let tokens: AccessTokens
    let cookies: SessionCookies
    let origins: ConsoleOrigins
    let consoles: ConsoleLinks
    let pages: SignInPages
    let writer: GroupCommitWriter
    let visitor: VisitorSession
    let proxies: TrustedProxies
    let clock: WallClock
    let logger: Logger

    func register(on router: Router<ServiceRequestContext>) {
        router.get(RouterPath(String(Self.signInPath.dropFirst()))) { request, _ in
            pages.signIn(request, next: request.uri.queryParameters.get("next"),
                         signedOut: request.uri.queryParameters.get("da-dang-xuat") != nil)
        }
        router.post(RouterPath(String(Self.signInPath.dropFirst()))) { request, context in
            try await signIn(request, form: try await WebForm.read(request), client: client(request, context))
        }
        router.get(RouterPath(String(Self.renewalPath.dropFirst()))) { request, context in
            try await renew(request, next: request.uri.queryParameters.get("next"), client: client(request, context))
        }
        router.post(RouterPath(String(Self.signOutPath.dropFirst()))) { request, context in
            try await signOut(request, client: client(request, context))
        }
        router.get("/") { request, _ in
            try await home(request)
        }
    }

    private func signIn(_ request: Request, form: WebForm, client: String) async throws -> Response {
        let username = (form["username"] ?? "").trimmingCharacters(in: .whitespaces)
        let at = clock.preciseNow()
        let attempt = SignInEvent(at: at, outcome: .refusedWhileLockedOut, username: username, staffId: nil, unit: nil,
                                  clientAddress: client)
        let ledger = ledger
        // Checked and recorded in one transaction, before the directory sees the password.
        let locked = try await writer.write { db in
            guard try ledger.isLockedOut(username: username, client: client, at: at, in: db) else { return false }
            try ledger.record(attempt, in: db)
            return true
        }
        if locked {
            log("staff sign-in refused: locked out", attempt)
            return refused(request, form: form, username: username, Self.lockedOut)
        }
        let person: DirectoryPerson
        do {
            person = try await directory.authenticate(username: username, password: form["password"] ?? "")
        } catch {
            return try await failed(request, form: form, attempt: attempt, error)
        }
        guard !person.roles.isEmpty else {
            return refused(request, form: form, username: username, Self.noRole)
        }
        let book = book
        let signedIn = SignInEvent(at: at, outcome: .signedIn, username: username, staffId: person.uid, unit: person.unit,
                                   clientAddress: client)
        let (id, session) = try await writer.write { db in
            try ledger.record(signedIn, in: db)
            return try book.open(for: person, at: at, in: db)
        }
        let (token, expiresAt) = try await tokens.issue(for: session, at: at)
        log("staff signed in", signedIn)
        return WebPages.seeOther(origins.destination(form["next"]) ?? "/", cookies: cookies.signedIn(
            token: token, tokenExpiresAt: expiresAt, session: id, sessionEndsAt: session.endsAt, now: at))
    }

    /// The answer to a sign-in the directory refused; a wrong username or password is counted
    /// towards the lock-outs, under the account's unit when there is such an account.
    private func failed(_ request: Request, form: WebForm, attempt: SignInEvent, _ error: StaffDirectoryError)
        async throws -> Response {
        guard error == .wrongCredentials else {
            if case .unavailable(let reason) = error {
                logger.error("staff directory unavailable", metadata: ["reason": "\(reason)"])
            }
            return refused(request, form: form, username: attempt.username, error.apiError)
        }
        let known = try? await directory.person(uid: attempt.username)
        let failure = SignInEvent(at: attempt.at, outcome: .failed, username: attempt.username, staffId: known?.uid,
                                  unit: known?.unit, clientAddress: attempt.clientAddress)
        let ledger = ledger
        let outcome = try await writer.write { db in try ledger.recordFailure(failure, in: db) }
        log(outcome == .lockedOut ? "staff sign-in failed: locked out" : "staff sign-in failed", failure)
        return refused(request, form: form, username: attempt.username,
                       outcome == .lockedOut ? Self.lockedOut : error.apiError)
    }

    private func refused(_ request: Request, form: WebForm, username: String, _ refusal: APIError) -> Response {
        let message = refusal.errors.first?.message
        return pages.signIn(request, next: form["next"], username: username,
                            problem: (message?.vi ?? "", message?.en ?? ""), status: refusal.status)
    }

    /// A fresh token for the live session of the `staff_session` cookie, else for the enrolled
    /// device of the `staff_device` cookie; else back to the sign-in without either.
    private func renew(_ request: Request, next: String?, client: String) async throws -> Response {
        let at = clock.preciseNow()
        let destination = origins.destination(next) ?? "/"
        if let id = VisitorSession.id(of: request), let session = try await renewedSession(id, at: at, client: client) {
            let (token, expiresAt) = try await tokens.issue(for: session, at: at)
            return WebPages.seeOther(destination, cookies: cookies.renewed(token: token, expiresAt: expiresAt, now: at))
        }
        if let credential = request.cookies[SessionCookies.device].flatMap({ $0.value.isEmpty ? nil : OpaqueSecret($0.value) }) {
            let devices = devices
            guard let device = try await writer.write({ db in try devices.renew(credential, at: at, in: db) }) else {
                logger.info("wall-board device not renewed: unknown or revoked credential")
                return WebPages.seeOther(Self.signInAddress(next: next), cookies: cookies.cleared + cookies.deviceCleared)
            }
            let (token, expiresAt) = try await tokens.issue(forDevice: device.id, of: device.unit, at: at)
            return WebPages.seeOther(destination, cookies: cookies.renewed(token: token, expiresAt: expiresAt, now: at))
        }
        return WebPages.seeOther(Self.signInAddress(next: next), cookies: cookies.cleared)
    }

    /// The session `id` renewed at `at`; nil, and the refusal recorded, when it is not live.
    private func renewedSession(_ id: OpaqueSecret, at: Date, client: String) async throws -> StaffSession? {
        let (book, ledger) = (book, ledger)
        let renewal = try await writer.write { db -> (StaffSession?, SignInEvent?) in
            if let session = try book.renew(id, at: at, in: db) { return (session, nil) }
            // A session presented after it ended: whose it was, when the store still has it.
            let expired = try book.session(id, in: db)
            let refusal = SignInEvent(at: at, outcome: .renewalRefused, username: expired?.staffId ?? "",
                                      staffId: expired?.staffId, unit: expired?.unit, clientAddress: client)
            try ledger.record(refusal, in: db)
            return (nil, refusal)
        }
        if let refusal = renewal.1 { log("staff session not renewed", refusal) }
        return renewal.0
    }

    private func signOut(_ request: Request, client: String) async throws -> Response {
        if let id = VisitorSession.id(of: request) {
            let at = clock.preciseNow()
            let (book, ledger) = (book, ledger)
            let signedOut = try await writer.write { db -> SignInEvent? in
                guard let session = try book.end(id, at: at, in: db) else { return nil }
                let event = SignInEvent(at: at, outcome: .signedOut, username: session.staffId, staffId: session.staffId,
                                        unit: session.unit, clientAddress: client)
                try ledger.record(event, in: db)
                return event
            }
            if let signedOut { log("staff signed out", signedOut) }
        }
        return WebPages.seeOther("\(Self.signInPath)?da-dang-xuat=1", cookies: cookies.cleared)
    }

    private func home(_ request: Request) async throws -> Response {
        guard let session = try await visitor.live(request) else { return WebPages.seeOther(Self.signInPath) }
        return pages.home(request, session: session, consoles: consoles.reached(by: session.roles))
    }

    private func client(_ request: Request, _ context: ServiceRequestContext) -> String {
        ClientOrigin(request, context: context, trusting: proxies).address
    }

    /// Logs `event` with its username and client address masked.
    private func log(_ message: Logger.Message, _ event: SignInEvent) {
        logger.info(message, metadata: [
            "username": "\(event.maskedUsername)", "client": "\(event.maskedClientAddress)",
            "unit": "\(event.unit ?? "-")",
        ])
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

    /// 429: too many failed sign-ins of this username or from this address; the same words
    /// whether the account exists or not.
    static let lockedOut = APIError(
        status: .tooManyRequests, code: "auth.locked_out",
        vi: "Đăng nhập tạm thời bị khoá vì có quá nhiều lần thử không thành công; vui lòng thử lại sau ít phút",
        en: "Signing in is locked for now after too many failed attempts; please try again in a few minutes")
}
