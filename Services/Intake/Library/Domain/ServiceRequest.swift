import Contracts
import Foundation
import ServiceAreas
import VietnameseIdentity

/// A service request that passed every check: what intake stores and announces.
struct ServiceRequest: Sendable {
    var kind: RequestKind
    var channel: Channel
    var operatorId: String?
    var customerCode: CustomerCode
    /// The branch serving the customer code.
    var branch: Branch
    var requester: ConnectionRequest.Household
    var phone: VietnamesePhoneNumber
    var email: String?
    var details: ServiceRequestDetails
    /// Accepted but worth telling the customer about: legacy ID numbers.
    var notices: [FieldError]

    /// The `intake.service-request.submitted` body: the one place the full ID numbers and phone leave the service.
    func submitted(code: RequestCode, at submittedAt: Date) -> ServiceRequestSubmitted {
        ServiceRequestSubmitted(
            requestCode: code.value, requestKind: kind, channel: channel, operatorId: operatorId,
            customerCode: customerCode.description, branch: branch,
            requester: Applicant(fullName: requester.name.value, idNumber: requester.id.unmaskedDigits,
                                 phone: phone.e164, email: email),
            details: details, consentGivenAt: submittedAt, submittedAt: submittedAt)
    }
}
