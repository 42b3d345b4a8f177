/// crm asks households to check ID numbers against every active dossier of the corporation (flow step 3).
///
/// A command, so the full ID numbers go to households' inbox only. Logs must mask them.
public struct ScreenIdentities: MessageContract {
    public static let routingKey = "households.screen-identities"
    public static let version = 1
    public static let kind = MessageKind.command

    public var requestCode: String
    /// What was asked for, which households names again on its answer so that crm hands the
    /// answer to the right ticket without looking the request up. Absent from messages
    /// published before the field was added.
    public var requestKind: RequestKind?
    /// The applicant's ID number first, then each extra household's (personal data).
    public var idNumbers: [String]
    /// A household change's shared meter, whose dossier must hold `leavingSubHouseholdIds`.
    /// Absent from other requests and from messages published before the field was added.
    public var customerCode: String?
    /// The sub-households a household change says have left. households checks them while
    /// screening, so that a reference the meter's dossier does not hold refuses the request at
    /// once (`households.sub-households.refused`), before the branch decides on it.
    public var leavingSubHouseholdIds: [String]?

    public init(requestCode: String, requestKind: RequestKind?, idNumbers: [String], customerCode: String? = nil,
                leavingSubHouseholdIds: [String]? = nil) {
        self.requestCode = requestCode
        self.requestKind = requestKind
        self.idNumbers = idNumbers
        self.customerCode = customerCode
        self.leavingSubHouseholdIds = leavingSubHouseholdIds
    }
}
