import Foundation
import Hummingbird
import ServiceKit

/// The optional `Idempotency-Key` header of a filing (a connection or a service request): a
/// client that lost the answer, or a form sent twice, resends with the same key and gets the
/// same receipt instead of filing a second request (``IdempotencyLedger``).
enum IdempotencyKey {
    static let header = "Idempotency-Key"
    static let maximumLength = 128

    /// `request`'s JSON body, up to `limit` bytes, and the claim its key makes on it (`nil`
    /// without the header). The key is checked before the body is read.
    ///
    /// - Throws: ``APIError/invalidIdempotencyKey`` unless the key is 1 to ``maximumLength``
    ///   printable ASCII characters; as `collectJSONBody` for the body.
    static func body(of request: inout Request, limit: Int) async throws -> (Data, IdempotencyLedger.Claim?) {
        let name = header.lowercased()
        let key = request.headers.first(where: { $0.name.canonicalName == name })?.value
        if let key, !(1...maximumLength).contains(key.utf8.count) || !key.utf8.allSatisfy({ (0x21...0x7e).contains($0) }) {
            throw APIError.invalidIdempotencyKey
        }
        let body = try await request.collectJSONBody(limit: limit)
        return (body, key.map { IdempotencyLedger.Claim(key: $0, bodyFingerprint: BodyFingerprint.of(body)) })
    }

    /// The answer to a filing that ended as `outcome`: 201 with the receipt and its tracking
    /// URL in `Location`, the earlier one for a replay.
    ///
    /// - Throws: ``APIError/idempotencyKeyReused`` when the key came with another body.
    static func answer(_ outcome: FilingOutcome) throws -> Response {
        switch outcome {
        case .accepted(let receipt), .replayed(let receipt):
            try Response.json(receipt, status: .created, headers: [.location: receipt.trackingUrl])
        case .keyReused:
            throw APIError.idempotencyKeyReused
        }
    }
}
