import Foundation
import Hummingbird
import Mustache

/// Renders a service's pages: each page's Mustache template inside the shared layout (header
/// with the language switch, the page, footer), HTML-escaped, as a `text/html` response.
///
/// Templates are compiled once, when the service starts, so a broken template stops the
/// service instead of failing a customer's page; so does one with inline script or style
/// (``InlineCodeError``), which the pages' Content-Security-Policy would block.
public struct WebPages: Sendable {
    private let library: MustacheLibrary

    /// `templates` by name; each is the page's content, rendered inside the layout.
    public init(_ templates: [String: String]) throws {
        var library = MustacheLibrary()
        try InlineCodeError.check(WebLayout.template, named: "layout")
        try library.register(MustacheTemplate(string: WebLayout.template), named: "layout")
        for (name, text) in templates {
            try InlineCodeError.check(text, named: name)
            try library.register(MustacheTemplate(string: "{{<layout}}{{$content}}\(text){{/content}}{{/layout}}"),
                                 named: name)
        }
        self.library = library
    }

    /// The page `name` for `request` with `context`; `title` heads the page and the tab.
    ///
    /// The context also gets `lang` (`vi`/`en`), `vi`/`en` flags for language sections,
    /// the switch's link, and `path`. A staff page names `staff`, the signed-in member of
    /// staff, whom the header shows with the sign-out button.
    public func render(_ name: String, title: String, for request: Request, language: PageLanguage,
                       context: [String: Any] = [:], status: HTTPResponse.Status = .ok, refreshSeconds: Int? = nil,
                       cookies: [Cookie] = [], staff: SignedInStaff? = nil) -> Response {
        var context = context
        context["staff"] = staff?.shown(in: language)
        let html = html(name, title: title, path: request.uri.path, language: language, context: context,
                        refreshSeconds: refreshSeconds)
        var response = Response(status: status,
                                headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                                body: .init(byteBuffer: ByteBuffer(string: html)))
        var cookies = cookies
        if request.uri.queryParameters.get("lang") != nil {
            cookies.append(Cookie(name: PageLanguage.cookie, value: language.rawValue, maxAge: 365 * 86_400,
                                  path: "/", httpOnly: true, sameSite: .lax))
        }
        for cookie in cookies { response.setCookie(cookie) }
        return response
    }

    /// The HTML of the page `name` at `path`, as ``render(_:title:for:language:context:status:refreshSeconds:cookies:staff:)``
    /// answers it: apart so a page's words can be checked without a server.
    public func html(_ name: String, title: String, path: String, language: PageLanguage, context: [String: Any] = [:],
                     refreshSeconds: Int? = nil) -> String {
        var values = context
        values["title"] = title
        values["lang"] = language.rawValue
        values["vi"] = language == .vi
        values["en"] = language == .en
        values["switchLabel"] = language == .vi ? "English" : "Tiếng Việt"
        values["switchLink"] = "\(path)?lang=\(language.other.rawValue)"
        if let refreshSeconds { values["refresh"] = refreshSeconds }
        return library.render(values, withTemplate: name) ?? ""
    }

    /// A 303 to `location`: the answer to a form posted successfully, so a reload does not post it again.
    public static func seeOther(_ location: String, cookies: [Cookie] = []) -> Response {
        var response = Response(status: .seeOther, headers: [.location: location])
        for cookie in cookies { response.setCookie(cookie) }
        return response
    }
}
