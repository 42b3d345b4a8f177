import Hummingbird
import ServiceKit
import WebPages

/// Shows the portal's 429s as a page: a customer who went over an abuse limit on a form or a
/// look-up reads why and when to come back, in the page's language, with `Retry-After` kept.
/// The API's paths (`/api/…`) keep the JSON refusal.
struct TooManyRequestsPage: RouterMiddleware {
    typealias Context = ServiceRequestContext

    let pages: WebPages

    func handle(_ request: Request, context: Context,
                next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let refusal as TooManyRequests where !request.uri.path.hasPrefix("/api/") {
            let language = PageLanguage(request)
            let message = refusal.refusal.errors.first.map { language.pick($0.message.vi, $0.message.en) } ?? ""
            var response = pages.render("tooMany", title: language.pick("Xin thử lại sau", "Please try again later"),
                                        for: request, language: language, context: ["message": message],
                                        status: .tooManyRequests)
            response.headers[.retryAfter] = "\(refusal.retryAfter)"
            return response
        }
    }
}
