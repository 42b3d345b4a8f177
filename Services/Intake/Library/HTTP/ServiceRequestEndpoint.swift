import Foundation
import Hummingbird
import Logging
import ServiceKit
import VietnameseIdentity

/// `POST /api/v1/service-requests`: files a request about an existing supply point (a
/// contract change, a meter inspection or verification, a change of households, a split).
///
/// Answers 201 with a ``SubmissionReceipt`` and a `Location` header, as a connection request
/// does; 400 for a body that is not JSON; 413 over ``maximumBodySize``; 422 with every field
/// error at once; 429 with `Retry-After` as for a connection request (``SubmissionEndpoint``).
/// Only a 201 stores anything.
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
        let form = try await request.decodeJSON(ServiceRequestForm.self, limit: Self.maximumBodySize)
        let serviceRequest: ServiceRequest
        do {
            serviceRequest = try validator.validate(form)
        } catch {
            throw APIError.invalid(error)
        }
        try limits.admit(phone: serviceRequest.phone)
        let receipt = try await PhoneBudgetSpent.answered {
            try await store.submit(serviceRequest, by: .anonymous, at: clock.now())
        }
        logger.info("service request submitted", metadata: .request(receipt.requestCode, [
            "kind": "\(serviceRequest.kind.rawValue)", "branch": "\(receipt.branch.code)",
            "customer_code": "\(serviceRequest.customerCode)", "channel": "\(serviceRequest.channel.rawValue)",
        ]))
        return try Response.json(receipt, status: .created, headers: [.location: receipt.trackingUrl])
    }
}
