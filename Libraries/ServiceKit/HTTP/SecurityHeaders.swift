import HTTPTypes
import Hummingbird

/// Puts the browser-facing protections on every answer, refusals included.
///
/// - Every answer: `X-Content-Type-Options: nosniff` (a JSON or CSV body is never run as a
///   script or page) and `Referrer-Policy: no-referrer` (a page's address, which may name a
///   request code, is not sent to other sites).
/// - Pages (`text/html`): a `Content-Security-Policy` that allows only this service's own
///   stylesheets, scripts, images, form targets and script connections (a console's event stream) — no inline script or style, so injected
///   markup cannot run — and `frame-ancestors 'none'` with `X-Frame-Options: DENY`, so no
///   other site can frame a page to trick a click. The one other form target a page may have
///   is the staff sign-in, where the staff pages' sign-out button posts.
/// - Anything else: a policy that allows nothing, should a browser ever render it.
public struct SecurityHeaders<Context: RequestContext>: RouterMiddleware {
    /// The policy of pages: everything from this service only, nothing inline, never framed;
    /// forms may also post to `formTargets`.
    public static func pagePolicy(formTargets: [String] = []) -> String {
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
            + "form-action \((["'self'"] + formTargets).joined(separator: " ")); base-uri 'none'; frame-ancestors 'none'"
    }

    /// The policy of every other answer: nothing may load, nothing may frame it.
    public static var otherPolicy: String {
        "default-src 'none'; frame-ancestors 'none'"
    }

    /// Origins besides this service's own that its pages' forms post to.
    let formTargets: [String]

    /// - Parameter formTargets: origins (`https://dang-nhap.example.vn`) besides this
    ///   service's own that its pages' forms may post to.
    public init(formTargets: [String] = []) {
        self.formTargets = formTargets
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as any HTTPResponseError {
            response = try error.response(from: request, context: context)
        }
        let page = response.headers[.contentType]?.hasPrefix("text/html") ?? false
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.referrerPolicy] = "no-referrer"
        response.headers[.contentSecurityPolicy] = page ? Self.pagePolicy(formTargets: formTargets) : Self.otherPolicy
        if page {
            response.headers[.xFrameOptions] = "DENY"
        }
        return response
    }
}

extension HTTPField.Name {
    static let referrerPolicy = HTTPField.Name("Referrer-Policy")!
    static let xFrameOptions = HTTPField.Name("X-Frame-Options")!
}
