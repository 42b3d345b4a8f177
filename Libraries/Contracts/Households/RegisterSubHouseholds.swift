import Foundation

/// crm asks households to change the households counted on a shared meter: the branch approved
/// a customer's request to change the number of households sharing it.
///
/// households adds the joining ones to the meter's active dossier (or opens one with the
/// requester as main household), ends the leaving ones, and announces the new count as
/// `households.count.changed` carrying the request code, which lets crm amend the contract
/// and close the request. A leaving sub-household that is not a current one of that meter's
/// dossier refuses the whole change (`households.sub-households.refused`); nothing is changed.
public struct RegisterSubHouseholds: MessageContract {
    public static let routingKey = "households.register-sub-households"
    public static let version = 1
    public static let kind = MessageKind.command

    public var requestCode: String
    public var customerCode: String
    /// The branch keeping the meter's dossier.
    public var unit: String
    /// The contract holder, main household of a dossier households opens (personal data).
    public var holder: Person
    /// The holder's mobile, E.164 (personal data): residence-confirmation reminders go to it.
    public var holderPhone: String?
    /// The heads of the households joining the meter (personal data).
    public var subHouseholds: [Person]
    /// The references (`SH-<n>`) of the sub-households whose tenants left; absent from commands
    /// sent before households could leave, which only add.
    public var leavingSubHouseholdIds: [String]?

    public init(
        requestCode: String, customerCode: String, unit: String, holder: Person, holderPhone: String?,
        subHouseholds: [Person], leavingSubHouseholdIds: [String]? = nil
    ) {
        self.requestCode = requestCode
        self.customerCode = customerCode
        self.unit = unit
        self.holder = holder
        self.holderPhone = holderPhone
        self.subHouseholds = subHouseholds
        self.leavingSubHouseholdIds = leavingSubHouseholdIds
    }
}
