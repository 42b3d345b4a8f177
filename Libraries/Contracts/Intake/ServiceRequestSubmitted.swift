import Foundation

/// A customer's request about an existing supply point passed intake's checks and was
/// stored: a contract change, a meter inspection or verification, a meter split.
///
/// crm opens the request's ticket from it. The requester's ID number and the new holder's or
/// new households' travel in full for the same reason as in `intake.request.submitted`
/// (households screens them across the corporation); logs must mask them.
public struct ServiceRequestSubmitted: MessageContract {
    public static let routingKey = "intake.service-request.submitted"
    public static let version = 1
    public static let kind = MessageKind.event

    /// The code the customer tracks the request by; the `correlation_id` of its flow.
    public var requestCode: String
    /// Any kind but the two connections.
    public var requestKind: RequestKind
    public var channel: Channel
    /// The call-centre operator who filed for the caller; present exactly when `channel` is `phone`.
    public var operatorId: String?
    /// The supply point the request is about.
    public var customerCode: String
    /// The branch serving the customer code, as customers are told about it.
    public var branch: Branch
    /// Who filed: the contract holder, or for a change of holder the one leaving (personal data).
    public var requester: Applicant
    public var details: ServiceRequestDetails
    /// When the customer agreed to the processing of their personal data (Decree 13/2023/NĐ-CP).
    public var consentGivenAt: Date
    public var submittedAt: Date

    public init(
        requestCode: String, requestKind: RequestKind, channel: Channel, operatorId: String? = nil,
        customerCode: String, branch: Branch, requester: Applicant, details: ServiceRequestDetails,
        consentGivenAt: Date, submittedAt: Date
    ) {
        self.requestCode = requestCode
        self.requestKind = requestKind
        self.channel = channel
        self.operatorId = operatorId
        self.customerCode = customerCode
        self.branch = branch
        self.requester = requester
        self.details = details
        self.consentGivenAt = consentGivenAt
        self.submittedAt = submittedAt
    }
}

/// What one kind of service request needs beyond the supply point and the requester; each
/// field belongs to the kinds its comment names and is absent for the others.
public struct ServiceRequestDetails: Codable, Sendable, Equatable {
    /// Change of holder: who takes the contract over (personal data).
    public var newHolder: Person?
    /// Change of holder: how to reach the new holder, their own phone (and e-mail, when
    /// given), not the one leaving's (personal data).
    public var newHolderContact: CustomerContact?
    /// Change of purpose: the purpose the electricity will be used for.
    public var purpose: PurposeOfUse?
    /// Change of the number of households: the heads of the households that join the meter (personal data);
    /// empty when the request only reports households that left.
    public var newHouseholds: [Person]?
    /// Change of the number of households: households' references (`SH-<n>`, as the dossier
    /// shows them) of the sub-households whose tenants left. Absent from requests filed before
    /// households could leave, and from requests that only add.
    public var leavingSubHouseholdIds: [String]?
    /// Independent verification: the verification whose result the customer disputes.
    public var disputedRequestCode: String?
    /// Meter split: households' reference of the sub-household that gets its own meter.
    public var subHouseholdId: String?
    /// Meter split: where the new meter goes (personal data: a residence).
    public var site: Site?
    /// What the customer wrote: the reason for a termination, what seems wrong with the meter.
    public var note: String?

    public init(
        newHolder: Person? = nil, newHolderContact: CustomerContact? = nil, purpose: PurposeOfUse? = nil,
        newHouseholds: [Person]? = nil, disputedRequestCode: String? = nil, subHouseholdId: String? = nil,
        site: Site? = nil, note: String? = nil, leavingSubHouseholdIds: [String]? = nil
    ) {
        self.newHolder = newHolder
        self.newHolderContact = newHolderContact
        self.purpose = purpose
        self.newHouseholds = newHouseholds
        self.leavingSubHouseholdIds = leavingSubHouseholdIds
        self.disputedRequestCode = disputedRequestCode
        self.subHouseholdId = subHouseholdId
        self.site = site
        self.note = note
    }
}
