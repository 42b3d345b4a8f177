import GRDB
import Hummingbird
import ServiceKit

/// `GET /api/v1/deliveries?requestCode=X`: the delivery log of one request, for operators
/// (internal; recipients masked, texts never shown).
///
/// Answers 200 `{"deliveries": [DeliveryRecord…]}` (empty when nothing was sent for the
/// code) and 422 when `requestCode` is missing.
struct DeliveriesEndpoint: Sendable {
    static let path = "api/v1/deliveries"

    private struct Answer: Encodable {
        var deliveries: [DeliveryRecord]
    }

    let database: any DatabaseReader
    let queue: DeliveryQueue

    func register(on router: Router<BasicRequestContext>) {
        router.get(RouterPath(Self.path)) { request, _ in
            guard let requestCode = request.uri.queryParameters["requestCode"].map(String.init), !requestCode.isEmpty else {
                throw APIError(status: .unprocessableContent, field: "requestCode", code: "request_code.missing",
                               vi: "Cần nhập mã yêu cầu", en: "A request code is required")
            }
            let records = try await database.read { db in try queue.records(for: requestCode, in: db) }
            return try Response.json(Answer(deliveries: records))
        }
    }
}
