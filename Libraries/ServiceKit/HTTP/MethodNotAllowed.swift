import Hummingbird

/// The answer to a method a known path does not take: 405 with the methods it does take in
/// `Allow`, so a client learns it used the wrong method rather than a wrong address.
struct MethodNotAllowed: HTTPResponseError {
    /// The path's methods, for example `GET, HEAD`.
    let allowed: [HTTPRequest.Method]

    var status: HTTPResponse.Status { .methodNotAllowed }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var response = try APIError(
            status: .methodNotAllowed, code: "method.not_allowed",
            vi: "Địa chỉ này không nhận phương thức \(request.method.rawValue)",
            en: "This address does not take \(request.method.rawValue)"
        ).response(from: request, context: context)
        response.headers[.allow] = allowed.map(\.rawValue).joined(separator: ", ")
        return response
    }
}

extension Router {
    /// Answers every method a registered path does not take with ``MethodNotAllowed``.
    ///
    /// Called once every route is registered: the router lists them (``Router/routes``), so
    /// the answer can never disagree with the routes that exist. The check is a middleware added
    /// after the routes, so it runs only where no route took the request (each route keeps the
    /// middleware it was registered under): any method, `QUERY` or `TRACE` as much as `DELETE`,
    /// on a known path gets 405 instead of 404. A path with `GET` takes `HEAD` too (the router
    /// is built with `autoGenerateHeadEndpoints`).
    func answerOtherMethodsWithNotAllowed() {
        let methodsByPath = Dictionary(grouping: routes, by: { $0.path.description })
        let paths = methodsByPath.values.map { descriptions in
            var taken = Set(descriptions.map(\.method))
            if taken.contains(.get) { taken.insert(.head) }
            return KnownPath(path: descriptions[0].path, allowed: taken.sorted { Self.rank($0) < Self.rank($1) })
        }
        add(middleware: MethodNotAllowedMiddleware(paths: paths))
    }

    /// Where a method stands in `Allow`: the usual order, any other method after them.
    private static func rank(_ method: HTTPRequest.Method) -> Int {
        let order: [HTTPRequest.Method] = [.get, .head, .post, .put, .patch, .delete, .options]
        return order.firstIndex(of: method) ?? order.count
    }
}

/// A path the router serves and the methods it takes there.
struct KnownPath: Sendable {
    let path: RouterPath
    let allowed: [HTTPRequest.Method]

    /// Whether `segments` (a request path split at `/`) is this path.
    func matches(_ segments: [Substring]) -> Bool {
        let elements = path.components
        guard elements.count == segments.count else { return false }
        return zip(elements, segments).allSatisfy { element, segment in element ~= segment }
    }
}

/// Refuses a request that no route took, on a path some route serves with another method.
struct MethodNotAllowedMiddleware<Context: RequestContext>: RouterMiddleware {
    let paths: [KnownPath]

    func handle(_ request: Request, context: Context,
                next: (Request, Context) async throws -> Response) async throws -> Response {
        let segments = request.uri.path.split(separator: "/")
        if let known = paths.first(where: { $0.matches(segments) }) {
            throw MethodNotAllowed(allowed: known.allowed)
        }
        return try await next(request, context)
    }
}
