import Hummingbird
import ServiceKit

/// `POST /api/v1/requests/{code}/tracking` `{"phone"}`: where the request stands
/// (``RequestTracking``).
///
/// 200 with a ``TrackingAnswer``: crm's timeline, or intake's own first step while crm has no
/// ticket or does not answer; 404 for an unknown code or a wrong phone; 429 while the code
/// is closed to the client after repeated failures (``RequestAccess``) or the client is over
/// its allowance (``AbuseLimits``), with `Retry-After`; 400/413/422 for a bad body.
struct TrackingEndpoint: Sendable {
    static let path = "api/v1/requests/:code/tracking"

    let tracking: RequestTracking
    let limits: AbuseLimits

    func register(on router: Router<ServiceRequestContext>) {
        router.post(RouterPath(Self.path)) { request, context in
            let client = try limits.admit(.access, request, context)
            var request = request
            let form = try await request.decodeJSON(AccessForm.self)
            return try Response.json(try await tracking.track(context.parameters.require("code"), form: form, from: client)
                .answered())
        }
    }
}
