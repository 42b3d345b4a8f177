import Hummingbird
import ServiceKit

/// `GET /api/v1/openapi.json`: ``IntakeAPIDocument``, for the portal's and the call centre's developers.
struct OpenAPIEndpoint: Sendable {
    static let path = "api/v1/openapi.json"

    let document: IntakeAPIDocument

    func register(on router: Router<ServiceRequestContext>) {
        router.get(RouterPath(Self.path)) { _, _ in
            try Response.json(document.json)
        }
    }
}
