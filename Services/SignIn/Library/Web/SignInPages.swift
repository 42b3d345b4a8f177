import Foundation
import Hummingbird
import StaffAuth
import WebPages

/// The sign-in's pages: the sign-in form, the signed-in person's landing page and the audit.
struct SignInPages: Sendable {
    let pages: WebPages

    init() throws {
        pages = try WebPages(["signin": Self.signInTemplate, "home": Self.homeTemplate, "audit": Self.auditTemplate,
                              "refused": Self.refusedTemplate, "devices": Self.devicesTemplate])
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
            "enrolsDevices": session.roles.contains(.branchHead) && session.unit != StaffClaims.corporationUnit,
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
        let refusal = SignInAuditEndpoint.notAllowed.errors[0].message
        return refused(request, title: ("Nhật ký đăng nhập", "Sign-in audit"), problem: (refusal.vi, refusal.en),
                       status: .forbidden)
    }

    /// 403 for a signed-in person who is not the head of a branch.
    func devicesRefused(_ request: Request) -> Response {
        refused(request, title: Self.devicesTitle,
                problem: ("Chỉ giám đốc điện lực được ghi danh thiết bị bảng tin của đơn vị mình",
                          "Only a branch head enrols their branch's wall-board devices"),
                status: .forbidden)
    }

    /// 410 for an enrolment link that is unknown, used, expired or revoked.
    func enrolmentRefused(_ request: Request) -> Response {
        refused(request, title: Self.devicesTitle,
                problem: ("Liên kết ghi danh không còn hiệu lực; hãy xin giám đốc điện lực một liên kết mới",
                          "This enrolment link is no longer valid; ask the branch head for a new one"),
                status: .gone)
    }

    private func refused(_ request: Request, title: (String, String), problem: (String, String),
                         status: HTTPResponse.Status) -> Response {
        let language = PageLanguage(request)
        return pages.render("refused", title: language.pick(title.0, title.1), for: request, language: language,
                            context: ["problem": language.pick(problem.0, problem.1)], status: status)
    }

    static let devicesTitle = ("Thiết bị bảng tin", "Wall-board devices")

    /// The branch's devices, the enrolment form, and a new device's `enrolmentLink` once.
    func devices(_ request: Request, unit: String, devices: [WallBoardDevice], enrolmentLink: String?,
                 problem: String?) -> Response {
        let language = PageLanguage(request)
        let rows: [[String: Any]] = devices.map { device in
            var row: [String: Any] = ["id": device.id, "name": device.name, "state": Self.words(of: device.state, in: language),
                                      "revocable": device.state != .revoked]
            row["lastSeen"] = device.lastSeenAt.map(ShownTime.dayAndTime)
            return row
        }
        var context: [String: Any] = ["unit": unit, "devices": rows, "hasDevices": !rows.isEmpty]
        context["enrolmentLink"] = enrolmentLink
        context["problem"] = problem
        return pages.render("devices", title: language.pick(Self.devicesTitle.0, Self.devicesTitle.1), for: request,
                            language: language, context: context, status: problem == nil ? .ok : .unprocessableContent)
    }

    /// A device's state as the list says it.
    static func words(of state: WallBoardDevice.State, in language: PageLanguage) -> String {
        switch state {
        case .awaitingEnrolment: language.pick("Chờ mở liên kết ghi danh", "Awaiting enrolment")
        case .enrolled: language.pick("Đang hoạt động", "Enrolled")
        case .revoked: language.pick("Đã thu hồi", "Revoked")
        }
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

    static let devicesTemplate = """
        {{#enrolmentLink}}<div class="notice" role="status" id="enrolment"><p>{{#vi}}Mở liên kết này một lần trên thiết bị (trong 30 phút):{{/vi}}{{#en}}Open this link once on the device (within 30 minutes):{{/en}}</p><p><a id="enrolment-link" href="{{enrolmentLink}}">{{enrolmentLink}}</a></p></div>{{/enrolmentLink}}
        {{#problem}}<p class="summary" role="alert" id="device-error">{{problem}}</p>{{/problem}}
        <form method="post" action="/thiet-bi">
          <div class="field">
            <label for="name">{{#vi}}Tên thiết bị mới{{/vi}}{{#en}}New device's name{{/en}}</label>
            <input type="text" id="name" name="name" maxlength="60" required>
          </div>
          <button type="submit" id="enrol">{{#vi}}Tạo liên kết ghi danh{{/vi}}{{#en}}Make an enrolment link{{/en}}</button>
        </form>
        {{#hasDevices}}
        <table class="tickets" id="devices">
          <thead><tr><th>{{#vi}}Thiết bị{{/vi}}{{#en}}Device{{/en}}</th><th>{{#vi}}Trạng thái{{/vi}}{{#en}}State{{/en}}</th><th>{{#vi}}Lần cuối{{/vi}}{{#en}}Last seen{{/en}}</th><th></th></tr></thead>
          <tbody>{{#devices}}<tr><td>{{name}}</td><td>{{state}}</td><td>{{lastSeen}}</td><td>{{#revocable}}<form method="post" action="/thiet-bi/{{id}}/thu-hoi"><button type="submit" class="revoke">{{#vi}}Thu hồi{{/vi}}{{#en}}Revoke{{/en}}</button></form>{{/revocable}}</td></tr>{{/devices}}</tbody>
        </table>
        {{/hasDevices}}
        """

    static let refusedTemplate = """
        <p class="summary" role="alert" id="refused">{{problem}}</p>
        <p><a href="/">{{#vi}}Về trang tài khoản{{/vi}}{{#en}}Back to your account{{/en}}</a></p>
        """

    static let homeTemplate = """
        <p id="person"><strong>{{name}}</strong> ({{staffId}}) · {{#vi}}Đơn vị{{/vi}}{{#en}}Unit{{/en}}: <span id="unit">{{unit}}</span></p>
        <p>{{#vi}}Vai trò{{/vi}}{{#en}}Roles{{/en}}:</p>
        <ul id="roles">{{#roles}}<li>{{.}}</li>{{/roles}}</ul>
        {{#hasConsoles}}<nav class="tasks" id="consoles">{{#consoles}}<a href="{{url}}">{{name}}</a>{{/consoles}}</nav>{{/hasConsoles}}
        {{#readsAudit}}<p><a href="/nhat-ky" id="audit">{{#vi}}Nhật ký đăng nhập{{/vi}}{{#en}}Sign-in audit{{/en}}</a></p>{{/readsAudit}}
        {{#enrolsDevices}}<p><a href="/thiet-bi" id="devices">{{#vi}}Thiết bị bảng tin{{/vi}}{{#en}}Wall-board devices{{/en}}</a></p>{{/enrolsDevices}}
        <form method="post" action="/dang-xuat"><button type="submit" id="sign-out">{{#vi}}Đăng xuất{{/vi}}{{#en}}Sign out{{/en}}</button></form>
        """
}
