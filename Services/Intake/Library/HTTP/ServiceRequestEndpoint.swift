import Foundation
import Hummingbird
import Logging
import ServiceKit
import VietnameseIdentity

/// `POST /api/v1/service-requests`: files a request about an existing supply point (a
/// contract change, a meter inspection or verification, a change of households, a split).
///
/// Answers as a connection request does (``SubmissionEndpoint``): 201 with a
/// ``SubmissionReceipt`` and a `Location` header, the same receipt again for the same
/// `Idempotency-Key` and body; 400 for a body that is not JSON or a bad `Idempotency-Key`;
/// 409 when the key comes back with a different body; 413 over ``maximumBodySize``; 422 with
/// every field error at once; 429 with `Retry-After`. Only a first 201 stores anything.
struct ServiceRequestEndpoint: Sendable {
    static let path = "api/v1/service-requests"
    static let maximumBodySize = 64 * 1024

    let validator: ServiceRequestValidator
    let store: ServiceRequestStore
    let limits: AbuseLimits
    let clock: WallClock
    let logger: Logger

    func register(on router: Router<ServiceRequestContext>) {
        router.post(RouterPath(Self.path)) { request, context in
            try limits.admit(.filing, request, context)
            return try await submit(request)
        }
    }

    func submit(_ request: Request) async throws -> Response {
        var request = request
        let (bytes, idempotency) = try await IdempotencyKey.body(of: &request, limit: Self.maximumBodySize)
        let form = try Request.decodeJSON(ServiceRequestForm.self, from: bytes)
        let serviceRequest: ServiceRequest
        do {
            serviceRequest = try validator.validate(form)
        } catch {
            throw APIError.invalid(error)
        }
        try limits.admit(phone: serviceRequest.phone)
        let outcome = try await PhoneBudgetSpent.answered {
            try await store.submit(serviceRequest, by: .anonymous, idempotency: idempotency, at: clock.now())
        }
        switch outcome {
        case .accepted(let receipt):
            logger.info("service request submitted", metadata: .request(receipt.requestCode, [
                "kind": "\(serviceRequest.kind.rawValue)", "branch": "\(receipt.branch.code)",
                "customer_code": "\(serviceRequest.customerCode)", "channel": "\(serviceRequest.channel.rawValue)",
            ]))
        case .replayed(let receipt):
            logger.info("service request resubmitted with the same Idempotency-Key", metadata: .request(receipt.requestCode))
        case .keyReused:
            break
        }
        return try IdempotencyKey.answer(outcome)
    }
}
