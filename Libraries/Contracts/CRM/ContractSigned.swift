import Foundation

/// crm recorded the customer's signature: the contract is in force (flow step 7).
///
/// Notification confirms to the customer with the contract number, which the customer
/// quotes from now on; outage records the new supply point, so the customer's planned-outage
/// look-ups and texts work from the day of signing.
public struct ContractSigned: MessageContract {
    public static let routingKey = "crm.contract.signed"
    public static let version = 1
    public static let kind = MessageKind.event

    public var contractNumber: String
    public var requestCode: String
    public var branch: Branch
    /// The billing customer code the contract opened, e.g. `PC05TK0012345`.
    public var customerCode: String
    public var meterSerial: String
    public var householdCount: Int
    public var signedAt: Date
    /// The national code of the supplied site's commune, where outage places the supply point
    /// (added in v1 as optional: events from before it carry none).
    public var communeCode: String?
    /// The holder's mobile, E.164, where outage sends planned-outage texts (added in v1 as optional).
    public var holderPhone: String?
    /// The last day of a contract with a term, counted from the signature, which the customer's
    /// confirmation names; absent for an open-ended contract (added in v1 as optional).
    public var endsOn: CalendarDate?

    public init(
        contractNumber: String, requestCode: String, branch: Branch, customerCode: String, meterSerial: String,
        householdCount: Int, signedAt: Date, communeCode: String? = nil, holderPhone: String? = nil,
        endsOn: CalendarDate? = nil
    ) {
        self.contractNumber = contractNumber
        self.requestCode = requestCode
        self.branch = branch
        self.customerCode = customerCode
        self.meterSerial = meterSerial
        self.householdCount = householdCount
        self.signedAt = signedAt
        self.communeCode = communeCode
        self.holderPhone = holderPhone
        self.endsOn = endsOn
    }
}
