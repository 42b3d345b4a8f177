import Hummingbird
import Logging
import ServiceKit
import VietnameseIdentity

/// `POST /api/v1/requests/{code}/tracking` `{"phone"}`: where the request stands.
///
/// 200 with a ``TrackingAnswer``: crm's timeline, or intake's own first step while crm has no
/// ticket or does not answer; 404 for an unknown code or a wrong phone; 429 while the code
/// is closed to the client after repeated failures (``RequestAccess``) or the client is over
/// its allowance (``AbuseLimits``), with `Retry-After`; 400/413/422 for a bad body.
struct TrackingEndpoint: Sendable {
    static let path = "api/v1/requests/:code/tracking"

    let access: RequestAccess
    let timeline: TimelineLookup
    let limits: AbuseLimits
    let logger: Logger

    func register(on router: Router<ServiceRequestContext>) {
        router.post(RouterPath(Self.path)) { request, context in
            let client = try limits.admit(.access, request, context)
            return try await track(request, code: context.parameters.require("code"), from: client)
        }
    }

    func track(_ request: Request, code: String, from client: ClientOrigin) async throws -> Response {
        var request = request
        let phone = try await request.form(AccessForm.self) { try $0.validated() }
        return try Response.json(try await track(code, phone: phone, from: client))
    }

    /// Where request `code` stands, opened with `phone` by `client`; the API's and the portal's tracking alike.
    ///
    /// - Throws: ``APIError`` 404 or ``TooManyRequests`` as ``RequestAccess`` decides.
    func track(_ code: String, phone: VietnamesePhoneNumber, from client: ClientOrigin) async throws -> TrackingAnswer {
        let record = try await access.open(code, phone: phone, from: client)
        let answer = await timeline.timeline(of: record.requestCode).map { TrackingAnswer($0, of: record) }
            ?? TrackingAnswer(received: record)
        logger.info("request tracked", metadata: .request(record.requestCode, ["steps": "\(answer.steps.count)"]))
        return answer
    }
}
