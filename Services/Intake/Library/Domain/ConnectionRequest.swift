import Contracts
import Foundation
import ServiceAreas
import VietnameseIdentity

/// A request for a new connection (low or medium voltage) that passed every check: what intake stores and announces.
struct ConnectionRequest: Sendable {
    /// The most households one meter may be shared by.
    static let maximumHouseholds = 10

    /// The head of a household sharing the meter.
    struct Household: Sendable {
        var name: PersonName
        var id: CitizenID
    }

    var kind: RequestKind
    var channel: Channel
    var operatorId: String?
    var applicant: Household
    var phone: VietnamesePhoneNumber
    var email: String?
    var area: ServiceArea
    var street: String
    var purpose: PurposeOfUse
    var householdCount: Int
    var extraHouseholds: [Household]
    /// The fixed term asked for (temporary supply); none for an open-ended contract.
    var term: ContractTerm?
    /// Accepted but worth telling the customer about: legacy ID numbers.
    var notices: [FieldError]

    /// The `intake.request.submitted` body: the one place the full ID numbers and phone leave the service.
    func submitted(code: RequestCode, at submittedAt: Date) -> RequestSubmitted {
        RequestSubmitted(
            requestCode: code.value, requestKind: kind, channel: channel, operatorId: operatorId,
            applicant: Applicant(fullName: applicant.name.value, idNumber: applicant.id.unmaskedDigits,
                                 phone: phone.e164, email: email),
            site: Site(province: area.province, communeCode: area.communeCode, street: street,
                       branchCode: area.branch.code, areaClass: area.areaClass),
            branch: area.branch,
            purpose: purpose, householdCount: householdCount,
            extraHouseholds: extraHouseholds.map { Person(fullName: $0.name.value, idNumber: $0.id.unmaskedDigits) },
            termMonths: term?.months, consentGivenAt: submittedAt, submittedAt: submittedAt
        )
    }
}
