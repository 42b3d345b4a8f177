import Foundation

/// The body of a 200 answer to `POST /api/v1/requests/{code}/signature`: the contract is signed.
struct SignatureReceipt: Encodable, Sendable, Equatable {
    var requestCode: String
    var contractNumber: String
    var signedAt: Date
    /// The SHA-256 of the document signed, which the signed copy's bytes hash to; absent for a
    /// contract drafted before copies were kept.
    var signedCopySHA256: String?
}
