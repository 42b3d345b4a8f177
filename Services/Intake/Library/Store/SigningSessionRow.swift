import Contracts
import Foundation
import GRDB
import Messaging

/// A signing session as `intake_signing_sessions` opens it: the drafted contract (sealed, as
/// the customer will read it), its branch, and the first code's hash, validity and attempts.
struct SigningSessionRow: SnakeCaseRecord {
    static let databaseTableName = "intake_signing_sessions"

    var contractNumber: String
    var requestCode: String
    /// The branch as JSON, for the receipt and the notices.
    var branch: String
    var draftedAt: Date
    var codeHash: String
    var codeIssuedAt: Date
    var codeExpiresAt: Date
    var failedAttempts = 0
    var contractSealed: Data
    /// The signer's phone when it is not the applicant's (a new holder's); both `nil` otherwise.
    var signerPhoneSealed: Data?
    var signerPhoneFingerprint: String?

    init(_ drafted: ContractDrafted, signer: SigningSession.Signer?, sealedContract: Data, codeHash: String,
         issuedAt: Date) throws {
        contractNumber = drafted.contractNumber
        requestCode = drafted.requestCode
        branch = String(decoding: try JSONCoding.encoder.encode(drafted.branch), as: UTF8.self)
        draftedAt = drafted.draftedAt
        self.codeHash = codeHash
        codeIssuedAt = issuedAt
        codeExpiresAt = issuedAt + SigningPolicy.codeValidity
        contractSealed = sealedContract
        signerPhoneSealed = signer?.sealedPhone
        signerPhoneFingerprint = signer?.phoneFingerprint
    }
}
