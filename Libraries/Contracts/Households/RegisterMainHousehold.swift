import Foundation

/// crm asks households to register a signed shared-meter contract as a main household (flow step 7).
///
/// Sent only when two or more households share the meter, so that the sub-household
/// program (QLHP) keeps the count honest from the first day. A command rather than a
/// field of `crm.contract.signed`, so the ID numbers go to households' inbox only.
public struct RegisterMainHousehold: MessageContract {
    public static let routingKey = "households.register-main-household"
    public static let version = 1
    public static let kind = MessageKind.command

    public var requestCode: String
    public var contractNumber: String
    public var customerCode: String
    public var meterSerial: String
    public var site: Site
    /// The contract holder (personal data).
    public var holder: Person
    /// The holder's mobile, E.164 (personal data): residence-confirmation reminders go to it.
    public var holderPhone: String?
    /// Households sharing the meter, the holder's included.
    public var householdCount: Int
    /// The sub-households, each with its head's name and ID number (personal data).
    public var subHouseholds: [Person]
    public var signedAt: Date

    public init(
        requestCode: String, contractNumber: String, customerCode: String, meterSerial: String, site: Site,
        holder: Person, holderPhone: String? = nil, householdCount: Int, subHouseholds: [Person], signedAt: Date
    ) {
        self.requestCode = requestCode
        self.contractNumber = contractNumber
        self.customerCode = customerCode
        self.meterSerial = meterSerial
        self.site = site
        self.holder = holder
        self.holderPhone = holderPhone
        self.householdCount = householdCount
        self.subHouseholds = subHouseholds
        self.signedAt = signedAt
    }
}
