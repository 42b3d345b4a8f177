import Foundation
import Hummingbird
import ServiceKit

/// `POST /api/v1/service-requests`: files a request about an existing supply point (a
/// contract change, a meter inspection or verification, a change of households, a split;
/// ``ServiceRequestFiling``).
///
/// Answers as a connection request does (``SubmissionEndpoint``): 201 with a
/// ``SubmissionReceipt`` and a `Location` header, the same receipt again for the same
/// `Idempotency-Key` and body; 400 for a body that is not JSON or a bad `Idempotency-Key`;
/// 409 when the key comes back with a different body; 413 over ``maximumBodySize``; 422 with
/// every field error at once; 429 with `Retry-After`. Only a first 201 stores anything.
struct ServiceRequestEndpoint: Sendable {
    static let path = "api/v1/service-requests"
    static let maximumBodySize = 64 * 1024

    let filing: ServiceRequestFiling
    let limits: AbuseLimits

    func register(on router: Router<ServiceRequestContext>) {
        router.post(RouterPath(Self.path)) { request, context in
            try limits.admit(.filing, request, context)
            var request = request
            let (bytes, idempotency) = try await IdempotencyKey.body(of: &request, limit: Self.maximumBodySize)
            let form = try Request.decodeJSON(ServiceRequestForm.self, from: bytes)
            return try IdempotencyKey.answer(try await filing.file(form, by: .anonymous, idempotency: idempotency).answered())
        }
    }
}
