import GRDB
import Hummingbird
import ServiceKit
import StaffAuth

/// `GET /api/v1/deliveries?requestCode=X` (the notices of one request) or
/// `GET /api/v1/deliveries?customerCode=X` (the residence reminders about one shared meter,
/// which belong to no request): the delivery log for staff (recipients masked, texts never
/// shown). Staff who answer customers read it (``StaffDuty/deliveryLog``: customer service, the
/// call centre, branch heads), branch staff only their own unit's codes
/// (``DeliveryLogFilter/unit``): who was told what, and when, is about a customer.
///
/// Answers 200 `{"deliveries": [DeliveryRecord…]}` (empty when nothing was sent for the
/// code), 401 without a staff token, 403 for another role or another unit's code, and 422 unless exactly one
/// of the two codes is given.
struct DeliveriesEndpoint: Sendable {
    static let path = "api/v1/deliveries"

    private struct Answer: Encodable {
        var deliveries: [DeliveryRecord]
    }

    let staff: StaffTokenVerifier
    let database: any DatabaseReader
    let queue: DeliveryQueue

    func register(on router: Router<ServiceRequestContext>) {
        router.get(RouterPath(Self.path)) { request, _ in
            let claims = try await staff.authenticate(request, for: .deliveryLog)
            let filter = try Self.filter(request)
            try claims.requireAccess(unit: filter.unit)
            let records = try await database.read { db in try queue.records(filter, in: db) }
            return try Response.json(Answer(deliveries: records))
        }
    }

    /// The part of the log the query names.
    private static func filter(_ request: Request) throws -> DeliveryLogFilter {
        func code(_ name: String) -> String? {
            request.uri.queryParameters.get(name).flatMap { $0.isEmpty ? nil : $0 }
        }
        switch (code("requestCode"), code("customerCode")) {
        case (let requestCode?, nil): return .requestCode(requestCode)
        case (nil, let customerCode?): return .customerCode(customerCode)
        case (nil, nil):
            throw APIError(status: .unprocessableContent, field: "requestCode", code: "request_code.missing",
                           vi: "Cần nhập mã yêu cầu hoặc mã khách hàng", en: "A request code or a customer code is required")
        case (_?, _?):
            throw APIError(status: .unprocessableContent, field: "customerCode", code: "delivery_log.two_codes",
                           vi: "Chỉ nhập mã yêu cầu hoặc mã khách hàng, không nhập cả hai",
                           en: "Give a request code or a customer code, not both")
        }
    }
}
