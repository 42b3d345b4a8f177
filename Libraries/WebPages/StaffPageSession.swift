import Foundation
import Hummingbird
import ServiceKit
import StaffAuth

/// The staff pages' sign-in: the same staff token as the APIs, kept in an HttpOnly cookie.
///
/// `GET /dang-nhap` asks for the token the company's sign-on issued (`evnctl staff-token`
/// on a developer's machine); `POST /dang-nhap` checks it and sets `staff_token`, valid until
/// the token expires, then goes on to the page that asked (`next`, a path on this service).
public struct StaffPageSession: Sendable {
    static let cookie = "staff_token"
    public static let loginPath = "/dang-nhap"

    let verifier: StaffTokenVerifier
    let pages: WebPages

    public init(verifier: StaffTokenVerifier) throws {
        self.verifier = verifier
        pages = try WebPages(["login": Self.loginTemplate])
    }

    public func register(on router: Router<ServiceRequestContext>) {
        router.get(RouterPath(String(Self.loginPath.dropFirst()))) { request, _ in
            login(request, next: request.uri.queryParameters.get("next"), problem: nil)
        }
        router.post(RouterPath(String(Self.loginPath.dropFirst()))) { request, _ in
            let form = try await WebForm.read(request)
            let language = PageLanguage(request)
            guard let token = form.text("token")?.trimmingCharacters(in: .whitespacesAndNewlines),
                  let claims = try? await verifier.verify(token) else {
                return login(request, next: form["next"], problem: language.pick(
                    "Mã đăng nhập không hợp lệ hoặc đã hết hạn", "The sign-in token is not valid or has expired"))
            }
            let maxAge = max(0, Int(claims.expiresAt.timeIntervalSinceNow))
            return WebPages.seeOther(Self.safeNext(form["next"]), cookies: [
                Cookie(name: Self.cookie, value: token, maxAge: maxAge, path: "/", secure: false, httpOnly: true,
                       sameSite: .strict),
            ])
        }
    }

    /// The signed-in staff member if they hold one of `roles`; nil sends them to sign in.
    public func claims(_ request: Request, allowing roles: Set<StaffRole>) async -> StaffClaims? {
        guard let token = request.cookies[Self.cookie]?.value,
              let claims = try? await verifier.verify(token), claims.holdsAny(of: roles) else { return nil }
        return claims
    }

    /// The answer for a page whose visitor is not signed in (or not in a role the page allows).
    public func signIn(for request: Request) -> Response {
        let next = request.uri.path + (request.uri.query.map { "?\($0)" } ?? "")
        return WebPages.seeOther("\(Self.loginPath)?next=\(next.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/")")
    }

    private func login(_ request: Request, next: String?, problem: String?) -> Response {
        let language = PageLanguage(request)
        var context: [String: Any] = ["next": Self.safeNext(next)]
        context["problem"] = problem
        return pages.render("login", title: language.pick("Đăng nhập nhân viên", "Staff sign-in"), for: request,
                            language: language, context: context,
                            status: problem == nil ? .ok : .unprocessableContent)
    }

    /// Only a path on this service, so the sign-in cannot be turned into a redirect elsewhere;
    /// anything else signs in to `/`.
    ///
    /// Browsers read `\` as `/` and drop tabs and line breaks from an address, so `/\host`,
    /// `/<tab>/host` and `//host` all lead to another host; and a percent-encoded address can
    /// be decoded once more on the way. A `next` is kept only when, as given and decoded, it
    /// starts with one `/`, holds no `\` and no control character, and has no space as given.
    static func safeNext(_ next: String?) -> String {
        guard let next, let decoded = next.removingPercentEncoding,
              [next, decoded].allSatisfy(isLocalPath), !next.contains(" ") else { return "/" }
        return next
    }

    private static func isLocalPath(_ text: String) -> Bool {
        text.hasPrefix("/") && !text.dropFirst().hasPrefix("/") && !text.contains("\\")
            && !text.unicodeScalars.contains { $0.properties.generalCategory == .control }
    }

    static let loginTemplate = """
        <form method="post" action="/dang-nhap" novalidate>
          <input type="hidden" name="next" value="{{next}}">
          {{#problem}}<p class="summary" role="alert" id="login-error">{{problem}}</p>{{/problem}}
          <div class="field">
            <label for="token">{{#vi}}Mã đăng nhập của nhân viên{{/vi}}{{#en}}Staff sign-in token{{/en}}</label>
            <span class="hint" id="token-hint">{{#vi}}Do hệ thống đăng nhập của Tổng công ty cấp{{/vi}}{{#en}}Issued by the corporation's sign-on{{/en}}</span>
            <textarea id="token" name="token" rows="4" required aria-describedby="token-hint"></textarea>
          </div>
          <button type="submit" id="sign-in">{{#vi}}Đăng nhập{{/vi}}{{#en}}Sign in{{/en}}</button>
        </form>
        """
}
