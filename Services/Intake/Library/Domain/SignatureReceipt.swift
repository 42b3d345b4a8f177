import Foundation

/// The body of a 200 answer to `POST /api/v1/requests/{code}/signature`: the contract is signed.
struct SignatureReceipt: Encodable, Sendable, Equatable {
    var requestCode: String
    var contractNumber: String
    var signedAt: Date
}
