import Foundation
import Hummingbird
import ServiceKit

/// `POST /api/v1/requests`: files a request for a new low-voltage connection (``ConnectionFiling``).
///
/// Answers 201 with a ``SubmissionReceipt`` and a `Location` header; 400 for a body that is
/// not JSON or a bad `Idempotency-Key`; 413 over ``maximumBodySize``; 422 with every field
/// error at once; 409 when an `Idempotency-Key` comes back with a different body; 429 with
/// `Retry-After` over an abuse limit (``AbuseLimits``: the client's filings, the phone's
/// filings) or when the phone is unconfirmed and has had its texts for the day
/// (``PhoneMessageBudget``). Only a 201 stores anything.
struct SubmissionEndpoint: Sendable {
    static let path = "api/v1/requests"
    static let maximumBodySize = 64 * 1024

    let filing: ConnectionFiling
    let limits: AbuseLimits

    func register(on router: Router<ServiceRequestContext>) {
        router.post(RouterPath(Self.path)) { request, context in
            try limits.admit(.filing, request, context)
            var request = request
            let (bytes, idempotency) = try await IdempotencyKey.body(of: &request, limit: Self.maximumBodySize)
            let form = try Request.decodeJSON(SubmissionForm.self, from: bytes)
            return try IdempotencyKey.answer(try await filing.file(form, by: .anonymous, idempotency: idempotency).answered())
        }
    }
}
