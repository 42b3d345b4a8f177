import Foundation
import Hummingbird
import StaffAuth
import WebPages

/// The sign-in's pages: the sign-in form, the signed-in person's landing page and the audit.
struct SignInPages: Sendable {
    let pages: WebPages

    init() throws {
        pages = try WebPages(["signin": Self.signInTemplate, "home": Self.homeTemplate, "audit": Self.auditTemplate,
                              "audit-refused": Self.auditRefusedTemplate])
    }

    /// The sign-in form; with a `problem` (a refused sign-in) answered with its `status`.
    func signIn(_ request: Request, next: String?, username: String = "", problem: (String, String)? = nil,
                status: HTTPResponse.Status = .ok, signedOut: Bool = false) -> Response {
        let language = PageLanguage(request)
        var context: [String: Any] = ["next": next ?? "", "username": username, "signedOut": signedOut]
        if let problem { context["problem"] = language.pick(problem.0, problem.1) }
        return pages.render("signin", title: language.pick("Đăng nhập nhân viên", "Staff sign-in"), for: request,
                            language: language, context: context, status: status)
    }

    /// The landing page of `session`'s person: who they are and the consoles they reach.
    func home(_ request: Request, session: StaffSession, consoles: [ConsoleLinks.Console]) -> Response {
        let language = PageLanguage(request)
        let context: [String: Any] = [
            "name": session.displayName, "staffId": session.staffId, "unit": session.unit,
            "roles": session.roles.sorted { $0.rawValue < $1.rawValue }.map { $0.shown(in: language) },
            "consoles": consoles.map { ["url": $0.url, "name": language.pick($0.name.vi, $0.name.en)] },
            "hasConsoles": !consoles.isEmpty,
            "readsAudit": AuditScope(roles: session.roles, unit: session.unit) != nil,
        ]
        return pages.render("home", title: language.pick("Tài khoản nhân viên", "Staff account"), for: request,
                            language: language, context: context)
    }

    /// The sign-in audit's `events`, newest first.
    func audit(_ request: Request, events: [SignInEvent]) -> Response {
        let language = PageLanguage(request)
        let rows: [[String: Any]] = events.map { event in
            ["at": ShownTime.dayAndTime(event.at), "outcome": Self.words(of: event.outcome, in: language),
             "username": event.username, "unit": event.unit ?? "—", "client": event.maskedClientAddress]
        }
        return pages.render("audit", title: language.pick("Nhật ký đăng nhập", "Sign-in audit"), for: request,
                            language: language, context: ["events": rows, "hasEvents": !rows.isEmpty])
    }

    /// 403 for a signed-in person whose roles do not reach the audit.
    func auditRefused(_ request: Request) -> Response {
        let language = PageLanguage(request)
        let refusal = SignInAuditEndpoint.notAllowed.errors[0].message
        return pages.render("audit-refused", title: language.pick("Nhật ký đăng nhập", "Sign-in audit"), for: request,
                            language: language, context: ["problem": language.pick(refusal.vi, refusal.en)],
                            status: .forbidden)
    }

    /// What came of an attempt, as the audit page says it.
    static func words(of outcome: SignInOutcome, in language: PageLanguage) -> String {
        switch outcome {
        case .signedIn: language.pick("Đăng nhập", "Signed in")
        case .failed: language.pick("Sai tên đăng nhập hoặc mật khẩu", "Wrong username or password")
        case .lockedOut: language.pick("Bị khoá do thử sai nhiều lần", "Locked out after failed attempts")
        case .refusedWhileLockedOut: language.pick("Từ chối trong thời gian khoá", "Refused while locked out")
        case .renewalRefused: language.pick("Phiên đã hết hạn, không gia hạn", "Session expired, not renewed")
        case .signedOut: language.pick("Đăng xuất", "Signed out")
        }
    }

    static let signInTemplate = """
        {{#signedOut}}<p class="notice" role="status" id="signed-out">{{#vi}}Bạn đã đăng xuất.{{/vi}}{{#en}}You have signed out.{{/en}}</p>{{/signedOut}}
        {{#problem}}<p class="summary" role="alert" id="sign-in-error">{{problem}}</p>{{/problem}}
        <form method="post" action="/dang-nhap" novalidate>
          <input type="hidden" name="next" value="{{next}}">
          <div class="field">
            <label for="username">{{#vi}}Tên đăng nhập{{/vi}}{{#en}}Username{{/en}}</label>
            <span class="hint" id="username-hint">{{#vi}}Tài khoản trong danh bạ nhân viên của Tổng công ty{{/vi}}{{#en}}Your account in the corporation's staff directory{{/en}}</span>
            <input type="text" id="username" name="username" value="{{username}}" autocomplete="username" required aria-describedby="username-hint">
          </div>
          <div class="field">
            <label for="password">{{#vi}}Mật khẩu{{/vi}}{{#en}}Password{{/en}}</label>
            <input type="password" id="password" name="password" autocomplete="current-password" required>
          </div>
          <button type="submit" id="sign-in">{{#vi}}Đăng nhập{{/vi}}{{#en}}Sign in{{/en}}</button>
        </form>
        """

    static let auditTemplate = """
        {{^hasEvents}}<p id="no-events">{{#vi}}Chưa có lượt đăng nhập nào.{{/vi}}{{#en}}No sign-in yet.{{/en}}</p>{{/hasEvents}}
        {{#hasEvents}}
        <table class="tickets" id="events">
          <thead><tr><th>{{#vi}}Thời gian{{/vi}}{{#en}}Time{{/en}}</th><th>{{#vi}}Kết quả{{/vi}}{{#en}}Outcome{{/en}}</th><th>{{#vi}}Tên đăng nhập{{/vi}}{{#en}}Username{{/en}}</th><th>{{#vi}}Đơn vị{{/vi}}{{#en}}Unit{{/en}}</th><th>{{#vi}}Địa chỉ máy{{/vi}}{{#en}}Client address{{/en}}</th></tr></thead>
          <tbody>{{#events}}<tr><td>{{at}}</td><td>{{outcome}}</td><td>{{username}}</td><td>{{unit}}</td><td>{{client}}</td></tr>{{/events}}</tbody>
        </table>
        {{/hasEvents}}
        """

    static let auditRefusedTemplate = """
        <p class="summary" role="alert" id="not-allowed">{{problem}}</p>
        <p><a href="/">{{#vi}}Về trang tài khoản{{/vi}}{{#en}}Back to your account{{/en}}</a></p>
        """

    static let homeTemplate = """
        <p id="person"><strong>{{name}}</strong> ({{staffId}}) · {{#vi}}Đơn vị{{/vi}}{{#en}}Unit{{/en}}: <span id="unit">{{unit}}</span></p>
        <p>{{#vi}}Vai trò{{/vi}}{{#en}}Roles{{/en}}:</p>
        <ul id="roles">{{#roles}}<li>{{.}}</li>{{/roles}}</ul>
        {{#hasConsoles}}<nav class="tasks" id="consoles">{{#consoles}}<a href="{{url}}">{{name}}</a>{{/consoles}}</nav>{{/hasConsoles}}
        {{#readsAudit}}<p><a href="/nhat-ky" id="audit">{{#vi}}Nhật ký đăng nhập{{/vi}}{{#en}}Sign-in audit{{/en}}</a></p>{{/readsAudit}}
        <form method="post" action="/dang-xuat"><button type="submit" id="sign-out">{{#vi}}Đăng xuất{{/vi}}{{#en}}Sign out{{/en}}</button></form>
        """
}
