import Foundation
import Hummingbird
import ServiceKit
import VietnameseIdentity

extension WebhookSignature {
    /// What a partner's webhook says: the body, once its signature is checked, read by `read`
    /// (given the body and its `Content-Type`).
    ///
    /// - Throws: ``APIError`` 401 for a missing or wrong signature, 413 beyond `limit`, 400 for a
    ///   body `read` cannot decode, 422 with every field error `read` finds.
    func validated<Value>(_ request: Request, limit: Int, _ read: (Data, String?) throws -> Value) async throws -> Value {
        var request = request
        let body = try await verifiedBody(of: &request, limit: limit)
        do {
            return try read(body, request.headers[.contentType])
        } catch let failure as ValidationFailure {
            throw APIError.invalid(failure)
        }
    }
}
