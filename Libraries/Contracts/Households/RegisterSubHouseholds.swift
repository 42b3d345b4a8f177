import Foundation

/// crm asks households to count more households on a shared meter: the branch approved a
/// customer's request to change the number of households sharing it.
///
/// households adds them to the meter's active dossier (or opens one with the requester as
/// main household) and announces the new count as `households.count.changed` carrying the
/// request code, which lets crm amend the contract and close the request.
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

    public init(
        requestCode: String, customerCode: String, unit: String, holder: Person, holderPhone: String?,
        subHouseholds: [Person]
    ) {
        self.requestCode = requestCode
        self.customerCode = customerCode
        self.unit = unit
        self.holder = holder
        self.holderPhone = holderPhone
        self.subHouseholds = subHouseholds
    }
}
