import Foundation
import Hummingbird
import ServiceKit
import StaffAuth

/// Who is looking at a staff page: the staff token the staff sign-in keeps in the HttpOnly
/// `staff_token` cookie, checked like the APIs' bearer tokens.
///
/// The pages hold no sign-in of their own. A visitor without a token this service accepts
/// (none, expired, forged) is sent to the sign-in's renewal,
/// `<STAFF_SIGN_IN_URL>/gia-han?next=<this page's absolute URL>`: while their session there is
/// live it sets a fresh token and sends them straight back, so an active person does not see
/// the sign-in page again; otherwise it asks for their password first. A visitor whose token
/// is good but whose roles the page does not serve gets a 403 page naming the roles it needs,
/// never the renewal, which would send them back here in a loop.
public struct StaffPageSession: Sendable {
    static let cookie = "staff_token"
    /// What a URL's query value may hold as it is (RFC 3986's unreserved); the rest is percent-encoded.
    static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    let verifier: StaffTokenVerifier
    /// `STAFF_SIGN_IN_URL`, without a trailing `/`.
    let signInURL: String
    let proxies: TrustedProxies
    let pages: WebPages

    /// - Parameters:
    ///   - verifier: checks the `staff_token` cookie.
    ///   - signInURL: the staff sign-in's base URL as browsers reach it.
    ///   - trustedProxies: the proxies believed when they say the page was asked over HTTPS, so
    ///     that the address the visitor comes back to has the scheme they used.
    public init(verifier: StaffTokenVerifier, signInURL: String, trustedProxies: TrustedProxies = .none)
        throws {
        self.verifier = verifier
        self.signInURL = signInURL.hasSuffix("/") ? String(signInURL.dropLast()) : signInURL
        proxies = trustedProxies
        pages = try WebPages(["forbidden": Self.forbiddenTemplate])
    }

    /// The session of a service's staff pages, on its `STAFF_SIGN_IN_URL` and trusted proxies.
    ///
    /// - Throws: ``ConfigurationError`` when `STAFF_SIGN_IN_URL` is not given outside development.
    public init(verifier: StaffTokenVerifier, configuration: ServiceConfiguration) throws {
        try self.init(verifier: verifier, signInURL: configuration.requiredStaffSignInURL(),
                      trustedProxies: configuration.trustedProxies)
    }

    /// The signed-in staff member, when they hold one of the roles of `duty`, the work the page serves.
    ///
    /// - Throws: ``StaffPageRefusal``: a 303 to the sign-in's renewal without a token this
    ///   service accepts, the 403 page naming the roles of `duty` when the token holds none.
    public func visitor(_ request: Request, _ context: some RemoteAddressRequestContext,
                        for duty: StaffDuty) async throws(StaffPageRefusal) -> SignedInStaff {
        guard let token = request.cookies[Self.cookie]?.value, let claims = try? await verifier.verify(token) else {
            throw StaffPageRefusal(answer: WebPages.seeOther(renewal(of: request, context)))
        }
        let staff = SignedInStaff(claims: claims, signOutAction: "\(signInURL)/dang-xuat")
        guard claims.holdsAny(of: duty.roles) else {
            throw StaffPageRefusal(answer: forbidden(request, staff: staff, needing: duty.roles))
        }
        return staff
    }

    /// The sign-in's renewal address that comes back to the page `request` asked for.
    private func renewal(of request: Request, _ context: some RemoteAddressRequestContext) -> String {
        let scheme = ClientOrigin(request, context: context, trusting: proxies).overTLS ? "https" : "http"
        let target = request.uri.path + (request.uri.query.map { "?\($0)" } ?? "")
        let page = request.head.authority.map { "\(scheme)://\($0)\(target)" } ?? target
        return "\(signInURL)/gia-han?next=\(page.addingPercentEncoding(withAllowedCharacters: Self.unreserved) ?? "")"
    }

    /// The 403 page: the roles the page needs, the visitor's own, and the sign-out button in the header.
    private func forbidden(_ request: Request, staff: SignedInStaff, needing roles: Set<StaffRole>) -> Response {
        let language = PageLanguage(request)
        let needed = roles.sorted { $0.rawValue < $1.rawValue }.map { ["code": $0.rawValue, "label": $0.shown(in: language)] }
        return pages.render("forbidden", title: language.pick("Không có quyền vào trang này", "You may not open this page"),
                            for: request, language: language, context: ["needed": needed], status: .forbidden,
                            staff: staff)
    }

    static let forbiddenTemplate = """
        <p role="alert" id="forbidden">{{#vi}}Trang này dành cho nhân viên có một trong các vai trò sau:{{/vi}}{{#en}}This page is for staff holding one of these roles:{{/en}}</p>
        <ul id="needed-roles">{{#needed}}<li data-role="{{code}}">{{label}} (<code>{{code}}</code>)</li>{{/needed}}</ul>
        <p>{{#vi}}Tài khoản của bạn không có vai trò nào trong số đó. Hãy đăng xuất và đăng nhập bằng tài khoản có vai trò phù hợp, hoặc đề nghị người quản lý cấp vai trò trong danh bạ nhân viên.{{/vi}}{{#en}}Your account holds none of them. Sign out and sign in with an account that does, or ask your manager for the role in the staff directory.{{/en}}</p>
        """
}
