import Foundation

/// The customer signed the drafted contract on the portal with a valid signing code (flow step 7).
///
/// Intake emits it, not crm, because intake holds the code and checked it; crm then
/// marks the contract signed and announces `crm.contract.signed`, keeping the signed copy.
public struct SignatureCaptured: MessageContract {
    public static let routingKey = "intake.signature.captured"
    public static let version = 1
    public static let kind = MessageKind.event

    /// How the signature was proven.
    public enum Method: String, Codable, Sendable, CaseIterable {
        /// A one-time code sent by SMS to the applicant's registered phone.
        case smsOneTimeCode = "sms-otp"
    }

    public var requestCode: String
    public var contractNumber: String
    public var method: Method
    public var signedAt: Date
    /// The contract as the signer read and signed it, with its SHA-256; absent in signatures
    /// from before copies were kept (personal data).
    public var document: SignedDocument?

    public init(requestCode: String, contractNumber: String, method: Method, signedAt: Date,
                document: SignedDocument? = nil) {
        self.requestCode = requestCode
        self.contractNumber = contractNumber
        self.method = method
        self.signedAt = signedAt
        self.document = document
    }
}
