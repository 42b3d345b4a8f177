import Foundation

/// The body of a 202 answer to `POST /api/v1/requests/{code}/signing-code`: a new code is on
/// its way by SMS. It never holds the code itself.
struct SigningCodeNotice: Encodable, Sendable, Equatable {
    var requestCode: String
    var contractNumber: String
    var validityMinutes: Int
    var expiresAt: Date
}
