import Foundation

/// households will not carry out a household change: a sub-household the customer said had
/// left is not a current household of that meter's dossier. Sent while screening the request
/// (`households.screen-identities`), so before the branch decides, and again should an approved
/// change (`households.register-sub-households`) still name one. Nothing was changed; crm
/// refuses the request and tells the customer why.
/// No personal data: references only.
public struct SubHouseholdsRefused: MessageContract {
    public static let routingKey = "households.sub-households.refused"
    public static let version = 1
    public static let kind = MessageKind.event

    public var requestCode: String
    /// The shared meter named in the command.
    public var customerCode: String
    /// The references given as leaving that the meter's dossier does not hold as current sub-households.
    public var unknownSubHouseholdIds: [String]
    public var refusedAt: Date

    public init(requestCode: String, customerCode: String, unknownSubHouseholdIds: [String], refusedAt: Date) {
        self.requestCode = requestCode
        self.customerCode = customerCode
        self.unknownSubHouseholdIds = unknownSubHouseholdIds
        self.refusedAt = refusedAt
    }
}
