import Foundation

/// A customer's request passed intake's checks and was stored (flow step 1).
///
/// It carries the whole request because crm builds the ticket, the screening and the
/// contract from it. The applicant's and the extra households' ID numbers travel in full:
/// households must screen them against every active dossier of the corporation. This is
/// the only event carrying full ID numbers; logs must mask them.
public struct RequestSubmitted: MessageContract {
    public static let routingKey = "intake.request.submitted"
    public static let version = 1
    public static let kind = MessageKind.event

    /// The code the customer tracks the request by; the `correlation_id` of the whole flow.
    public var requestCode: String
    public var requestKind: RequestKind
    public var channel: Channel
    /// The call-centre operator who filed for the caller; present exactly when `channel` is `phone`.
    public var operatorId: String?
    public var applicant: Applicant
    public var site: Site
    /// The branch that owns the request (the one `site.branchCode` names), as customers are told
    /// about it: crm routes the ticket to it and names it in every notice, with no table of its own.
    public var branch: Branch
    public var purpose: PurposeOfUse
    /// Households that will share the meter, the applicant's included (1 for a single household).
    public var householdCount: Int
    /// The households beside the applicant's, each with its head's name and ID number, to be screened.
    public var extraHouseholds: [Person]
    /// The fixed term of the contract the customer asks for, in months (temporary supply: a
    /// building site, a seasonal business); absent for an open-ended contract, as every
    /// household's is, and in messages from before terms were asked for.
    public var termMonths: Int?
    /// When the customer agreed to the processing of their personal data (Decree 13/2023/NĐ-CP).
    public var consentGivenAt: Date
    public var submittedAt: Date

    public init(
        requestCode: String, requestKind: RequestKind, channel: Channel, operatorId: String? = nil, applicant: Applicant,
        site: Site, branch: Branch, purpose: PurposeOfUse, householdCount: Int, extraHouseholds: [Person] = [],
        termMonths: Int? = nil, consentGivenAt: Date, submittedAt: Date
    ) {
        self.requestCode = requestCode
        self.requestKind = requestKind
        self.channel = channel
        self.operatorId = operatorId
        self.applicant = applicant
        self.site = site
        self.branch = branch
        self.purpose = purpose
        self.householdCount = householdCount
        self.extraHouseholds = extraHouseholds
        self.termMonths = termMonths
        self.consentGivenAt = consentGivenAt
        self.submittedAt = submittedAt
    }
}
