import Hummingbird

/// A staff page's visitor turned away before the page runs: sent to renew their sign-in, or
/// shown the page of roles they lack. Thrown by ``StaffPageSession/visitor(_:_:for:)`` so
/// that a page's handler reads on with the signed-in staff only.
public struct StaffPageRefusal: HTTPResponseError {
    /// The answer the visitor gets.
    let answer: Response

    public var status: HTTPResponse.Status { answer.status }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        answer
    }
}
