import Foundation
import Hummingbird
import StaffAuth
import WebPages

/// The sign-in's pages: the sign-in form and the signed-in person's landing page.
struct SignInPages: Sendable {
    let pages: WebPages

    init() throws {
        pages = try WebPages(["signin": Self.signInTemplate, "home": Self.homeTemplate])
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
            "roles": session.roles.sorted { $0.rawValue < $1.rawValue }.map { Self.words(of: $0, in: language) },
            "consoles": consoles.map { ["url": $0.url, "name": language.pick($0.name.vi, $0.name.en)] },
            "hasConsoles": !consoles.isEmpty,
        ]
        return pages.render("home", title: language.pick("Tài khoản nhân viên", "Staff account"), for: request,
                            language: language, context: context)
    }

    /// A role as staff call it.
    static func words(of role: StaffRole, in language: PageLanguage) -> String {
        switch role {
        case .customerService: language.pick("Giao dịch khách hàng", "Customer service")
        case .fieldTechnician: language.pick("Kỹ thuật hiện trường", "Field technician")
        case .meterStock: language.pick("Quản lý kho công tơ", "Meter stock")
        case .householdsOfficer: language.pick("Cán bộ hộ dùng chung", "Households officer")
        case .householdsSupervisor: language.pick("Giám sát hộ dùng chung", "Households supervisor")
        case .dispatcher: language.pick("Điều độ", "Dispatcher")
        case .callCentre: language.pick("Tổng đài viên", "Call-centre operator")
        case .branchHead: language.pick("Giám đốc điện lực", "Branch head")
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

    static let homeTemplate = """
        <p id="person"><strong>{{name}}</strong> ({{staffId}}) · {{#vi}}Đơn vị{{/vi}}{{#en}}Unit{{/en}}: <span id="unit">{{unit}}</span></p>
        <p>{{#vi}}Vai trò{{/vi}}{{#en}}Roles{{/en}}:</p>
        <ul id="roles">{{#roles}}<li>{{.}}</li>{{/roles}}</ul>
        {{#hasConsoles}}<nav class="tasks" id="consoles">{{#consoles}}<a href="{{url}}">{{name}}</a>{{/consoles}}</nav>{{/hasConsoles}}
        <form method="post" action="/dang-xuat"><button type="submit" id="sign-out">{{#vi}}Đăng xuất{{/vi}}{{#en}}Sign out{{/en}}</button></form>
        """
}
