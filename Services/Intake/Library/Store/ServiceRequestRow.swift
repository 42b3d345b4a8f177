import Foundation
import GRDB
import Messaging
import PersonalData

/// A service request as `intake_service_requests` keeps it: the requester's phone masked,
/// sealed and fingerprinted like an applicant's (tracking), the ID number only masked, name
/// and e-mail sealed.
struct ServiceRequestRow: SnakeCaseRecord {
    static let databaseTableName = "intake_service_requests"

    var requestCode: String
    var requestKind: String
    var channel: String
    var operatorId: String?
    var customerCode: String
    var branchCode: String
    var branchName: String
    var branchHotline: String
    var requesterNameSealed: Data
    var requesterIdMasked: String
    var phoneMasked: String
    var phoneSealed: Data
    var phoneFingerprint: String
    var emailSealed: Data?
    var consentGivenAt: Date
    var submittedAt: Date

    init(_ request: ServiceRequest, code: RequestCode, phoneFingerprint: String, at submittedAt: Date,
         sealedWith personalData: PersonalDataProtector) {
        requestCode = code.value
        requestKind = request.kind.rawValue
        channel = request.channel.rawValue
        operatorId = request.operatorId
        customerCode = request.customerCode.description
        branchCode = request.branch.code
        branchName = request.branch.name
        branchHotline = request.branch.hotline
        requesterNameSealed = personalData.seal(request.requester.name.value)
        requesterIdMasked = request.requester.id.masked
        phoneMasked = request.phone.masked
        phoneSealed = personalData.seal(request.phone.e164)
        self.phoneFingerprint = phoneFingerprint
        emailSealed = request.email.map(personalData.seal)
        consentGivenAt = submittedAt
        self.submittedAt = submittedAt
    }
}
