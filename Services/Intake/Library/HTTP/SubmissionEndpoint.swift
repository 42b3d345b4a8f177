import Foundation
import Hummingbird
import Logging
import VietnameseIdentity

/// `POST /api/v1/requests`: files a request for a new low-voltage connection.
///
/// Answers 201 with a ``SubmissionReceipt`` and a `Location` header; 400 for a body that is
/// not JSON or a bad `Idempotency-Key`; 413 over ``maximumBodySize``; 422 with every field
/// error at once; 409 when an `Idempotency-Key` comes back with a different body. Only a
/// 201 stores anything.
struct SubmissionEndpoint: Sendable {
    static let path = "api/v1/requests"
    static let maximumBodySize = 64 * 1024
    static let idempotencyHeader = "Idempotency-Key"
    static let maximumIdempotencyKeyLength = 128

    let validator: SubmissionValidator
    let store: SubmissionStore
    let logger: Logger

    func register(on router: Router<BasicRequestContext>) {
        router.post(RouterPath(Self.path)) { request, _ in
            try await submit(request)
        }
    }

    func submit(_ request: Request) async throws -> Response {
        let idempotency = try idempotencyKey(of: request)
        var request = request
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: Self.maximumBodySize)
        } catch let error as HTTPResponseError where error.status == .contentTooLarge {
            throw ErrorResponse.tooLarge(limit: Self.maximumBodySize)
        }
        let bytes = Data(body.readableBytesView)
        let form: SubmissionForm
        do {
            form = try JSONDecoder().decode(SubmissionForm.self, from: bytes)
        } catch let error as DecodingError {
            throw ErrorResponse.malformed(field: Self.field(of: error))
        }
        let connection: ConnectionRequest
        do {
            connection = try validator.validate(form)
        } catch {
            throw ErrorResponse.invalid(error)
        }
        let outcome = try await store.submit(
            connection, idempotency: idempotency.map { .init(key: $0, bodyFingerprint: BodyFingerprint.of(bytes)) },
            at: Date())
        switch outcome {
        case .accepted(let receipt):
            logger.info("request submitted", metadata: ["request_code": "\(receipt.requestCode)",
                                                        "correlation_id": "\(receipt.requestCode)",
                                                        "branch": "\(receipt.branch.code)"])
            return try created(receipt)
        case .replayed(let receipt):
            logger.info("request resubmitted with the same Idempotency-Key",
                        metadata: ["request_code": "\(receipt.requestCode)", "correlation_id": "\(receipt.requestCode)"])
            return try created(receipt)
        case .keyReused:
            throw ErrorResponse.idempotencyKeyReused
        }
    }

    private func created(_ receipt: SubmissionReceipt) throws -> Response {
        try Response.json(receipt, status: .created, headers: [.location: receipt.trackingUrl])
    }

    /// The `Idempotency-Key` header, if any: 1 to 128 printable ASCII characters.
    private func idempotencyKey(of request: Request) throws -> String? {
        let name = Self.idempotencyHeader.lowercased()
        guard let key = request.headers.first(where: { $0.name.canonicalName == name })?.value else { return nil }
        guard (1...Self.maximumIdempotencyKeyLength).contains(key.utf8.count),
              key.utf8.allSatisfy({ (0x21...0x7e).contains($0) }) else {
            throw ErrorResponse.invalidIdempotencyKey
        }
        return key
    }

    /// The JSON path of the value a decoding error is about (`applicant.phone`, `extraHouseholds[0]`), "" for the whole body.
    private static func field(of error: DecodingError) -> String {
        let path: [any CodingKey]
        switch error {
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .keyNotFound(_, let context):
            path = context.codingPath
        case .dataCorrupted(let context):
            path = context.codingPath
        @unknown default:
            path = []
        }
        return path.reduce(into: "") { result, key in
            if let index = key.intValue {
                result += "[\(index)]"
            } else {
                result += result.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
    }
}
