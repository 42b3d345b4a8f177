import Foundation

/// crm passed a signed contract to a new holder (a change of holder, once the new holder
/// signed, or on the branch's approval when they could not sign by phone).
///
/// From `effectiveOn` the company talks to the new holder: notification tells them the
/// contract is theirs, and outage sends the supply point's outage texts to their phone
/// instead of the one leaving's. The one leaving hears it from `crm.request.progressed`, as
/// the one who filed the request.
public struct ContractHolderChanged: MessageContract {
    public static let routingKey = "crm.contract.holder-changed"
    public static let version = 1
    public static let kind = MessageKind.event

    public var contractNumber: String
    /// The change of holder's request.
    public var requestCode: String
    public var branch: Branch
    /// The supply point, whose customer code does not change with its holder.
    public var customerCode: String
    /// The Vietnam calendar day from which the contract is the new holder's.
    public var effectiveOn: CalendarDate
    public var changedAt: Date
    /// The supplied site's commune, where outage places the supply point if it does not know it
    /// yet; absent when crm does not hold the connection the contract was signed for.
    public var communeCode: String?
    /// Where the new holder is reached (their mobile, E.164, and e-mail); absent when the
    /// request did not give it, and then outage texts nobody about the supply point.
    public var holderContact: CustomerContact?

    public init(
        contractNumber: String, requestCode: String, branch: Branch, customerCode: String,
        effectiveOn: CalendarDate, changedAt: Date, communeCode: String? = nil, holderContact: CustomerContact? = nil
    ) {
        self.contractNumber = contractNumber
        self.requestCode = requestCode
        self.branch = branch
        self.customerCode = customerCode
        self.effectiveOn = effectiveOn
        self.changedAt = changedAt
        self.communeCode = communeCode
        self.holderContact = holderContact
    }
}
