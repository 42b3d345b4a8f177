import Foundation

/// crm drafted the electricity purchase contract; it waits for the customer's signature (flow step 6).
///
/// Intake hears it and issues the signing code. The holder's ID number stays in crm's
/// contract document: no consumer of this event needs it.
public struct ContractDrafted: MessageContract {
    public static let routingKey = "crm.contract.drafted"
    public static let version = 1
    public static let kind = MessageKind.event

    public var contractNumber: String
    public var requestCode: String
    /// The seller: the branch that signs for the power company.
    public var branch: Branch
    /// The buyer's full name (personal data).
    public var holderName: String
    /// The buyer's citizen ID as the company's pages show it (`079*******34`), naming the party
    /// without the whole number; absent in messages from before the contract named it.
    public var holderIdMasked: String?
    public var site: Site
    public var meterSerial: String
    public var purpose: PurposeOfUse
    /// The tariff group the purpose falls in, as the tariff tables name it, e.g. `residential-tiered`.
    public var tariffGroup: String
    /// Households sharing the meter; each one multiplies the tier bounds of a residential bill.
    public var householdCount: Int
    /// The contract's term in months, counted from the day it is signed; absent for an
    /// open-ended contract, and in messages from before contracts had terms.
    public var termMonths: Int?
    /// The last day of a contract that already runs and is drafted again for a new holder, who
    /// takes it over as it stands; absent for a new contract, whose end follows its signature.
    public var endsOn: CalendarDate?
    public var draftedAt: Date
    /// The mobile phone in E.164 the signing code goes to, and the only one that signs, when
    /// the signer is not the applicant, such as a change of holder's new holder (personal
    /// data). `nil` leaves both to the phone registered with the request, as for a new connection.
    public var signerPhone: String?

    public init(
        contractNumber: String, requestCode: String, branch: Branch, holderName: String, holderIdMasked: String? = nil,
        site: Site,
        meterSerial: String, purpose: PurposeOfUse, tariffGroup: String, householdCount: Int, termMonths: Int? = nil,
        endsOn: CalendarDate? = nil, draftedAt: Date, signerPhone: String? = nil
    ) {
        self.contractNumber = contractNumber
        self.requestCode = requestCode
        self.branch = branch
        self.holderName = holderName
        self.holderIdMasked = holderIdMasked
        self.site = site
        self.meterSerial = meterSerial
        self.purpose = purpose
        self.tariffGroup = tariffGroup
        self.householdCount = householdCount
        self.termMonths = termMonths
        self.endsOn = endsOn
        self.draftedAt = draftedAt
        self.signerPhone = signerPhone
    }
}
