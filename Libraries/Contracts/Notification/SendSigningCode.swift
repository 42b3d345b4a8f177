import Foundation

/// intake asks notification to send the customer the one-time code that signs the contract (flow step 6).
///
/// The code is a secret: whoever holds it can sign. Intake issues it (it is the service
/// that checks it) and sends it as a command, so it reaches notification's inbox only and
/// never a topic any service may bind to. Notification sends it by SMS to the phone
/// registered with the request and must never log it or put it in an e-mail.
public struct SendSigningCode: MessageContract {
    public static let routingKey = "notification.send-signing-code"
    public static let version = 1
    public static let kind = MessageKind.command

    public var requestCode: String
    public var contractNumber: String
    /// The branch named in the text.
    public var branch: Branch
    /// The applicant's registered mobile, E.164 (personal data).
    public var phone: String
    /// The code, six digits (secret).
    public var signingCode: String
    /// How long the code stays valid, told to the customer.
    public var validityMinutes: Int
    public var issuedAt: Date

    public init(
        requestCode: String, contractNumber: String, branch: Branch, phone: String, signingCode: String,
        validityMinutes: Int, issuedAt: Date
    ) {
        self.requestCode = requestCode
        self.contractNumber = contractNumber
        self.branch = branch
        self.phone = phone
        self.signingCode = signingCode
        self.validityMinutes = validityMinutes
        self.issuedAt = issuedAt
    }
}
