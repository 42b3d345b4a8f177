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
    /// The methods a client may send; a path that takes only some of them answers the others with 405.
    static var answeredMethods: [HTTPRequest.Method] { [.get, .head, .post, .put, .patch, .delete, .options] }

    /// Answers every method a registered path does not take with ``MethodNotAllowed``.
    ///
    /// Called once every route is registered: the router lists them (``Router/routes``), and
    /// each path gets a responder for each method of ``answeredMethods`` it lacks, so the
    /// answer can never disagree with the routes that exist. A path with `GET` takes `HEAD`
    /// too (the router is built with `autoGenerateHeadEndpoints`).
    func answerOtherMethodsWithNotAllowed() {
        let methodsByPath = Dictionary(grouping: routes, by: { $0.path.description })
        for descriptions in methodsByPath.values {
            let path = descriptions[0].path
            let taken = Set(descriptions.map(\.method))
            let allowed = Self.answeredMethods.filter { method in
                taken.contains(method) || (method == .head && taken.contains(.get))
            }
            for method in Self.answeredMethods where !allowed.contains(method) {
                on(path, method: method) { _, _ -> Response in throw MethodNotAllowed(allowed: allowed) }
            }
        }
    }
}
