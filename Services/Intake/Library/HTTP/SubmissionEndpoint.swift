import Foundation
import Hummingbird
import Logging
import ServiceKit
import VietnameseIdentity

/// `POST /api/v1/requests`: files a request for a new low-voltage connection.
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

    let validator: SubmissionValidator
    let store: SubmissionStore
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
        let form = try Request.decodeJSON(SubmissionForm.self, from: bytes)
        let connection: ConnectionRequest
        do {
            connection = try validator.validate(form)
        } catch {
            throw APIError.invalid(error)
        }
        try limits.admit(phone: connection.phone)
        let outcome = try await PhoneBudgetSpent.answered {
            try await store.submit(connection, by: .anonymous, idempotency: idempotency, at: clock.now())
        }
        switch outcome {
        case .accepted(let receipt):
            logger.info("request submitted", metadata: .request(receipt.requestCode, ["branch": "\(receipt.branch.code)"]))
        case .replayed(let receipt):
            logger.info("request resubmitted with the same Idempotency-Key", metadata: .request(receipt.requestCode))
        case .keyReused:
            break
        }
        return try IdempotencyKey.answer(outcome)
    }
}
