import Foundation
import GRDB
import Messaging
import PersonalData
import ServiceKit

/// A connection request as `intake_requests` keeps it: ID numbers masked; the phone masked,
/// sealed and fingerprinted (E.164); names, e-mail and street sealed; the rest as validated.
struct ConnectionRequestRow: SnakeCaseRecord {
    static let databaseTableName = "intake_requests"

    /// A sharing household's head, as the sealed list holds them.
    private struct Household: Encodable {
        var fullName: String
        var idNumberMasked: String
    }

    var requestCode: String
    var requestKind: String
    var channel: String
    var operatorId: String?
    var applicantNameSealed: Data
    var applicantIdMasked: String
    var applicantIdLegacy: Bool
    var applicantPhoneMasked: String
    var applicantPhoneSealed: Data
    var applicantPhoneFingerprint: String
    var applicantEmailSealed: Data?
    var province: String
    var communeCode: String
    var streetSealed: Data
    var branchCode: String
    var branchName: String
    var branchHotline: String
    var areaClass: String
    var purpose: String
    var householdCount: Int
    var extraHouseholdsSealed: Data
    var consentGivenAt: Date
    var submittedAt: Date

    init(_ request: ConnectionRequest, code: RequestCode, phoneFingerprint: String, at submittedAt: Date,
         sealedWith personalData: PersonalDataProtector) throws {
        let households = request.extraHouseholds.map { Household(fullName: $0.name.value, idNumberMasked: $0.id.masked) }
        requestCode = code.value
        requestKind = request.kind.rawValue
        channel = request.channel.rawValue
        operatorId = request.operatorId
        applicantNameSealed = personalData.seal(request.applicant.name.value)
        applicantIdMasked = request.applicant.id.masked
        applicantIdLegacy = request.applicant.id.isLegacy
        applicantPhoneMasked = request.phone.masked
        applicantPhoneSealed = personalData.seal(request.phone.e164)
        applicantPhoneFingerprint = phoneFingerprint
        applicantEmailSealed = request.email.map(personalData.seal)
        province = request.area.province
        communeCode = request.area.communeCode
        streetSealed = personalData.seal(request.street)
        branchCode = request.area.branch.code
        branchName = request.area.branch.name
        branchHotline = request.area.branch.hotline
        areaClass = request.area.areaClass.rawValue
        purpose = request.purpose.rawValue
        householdCount = request.householdCount
        extraHouseholdsSealed = try personalData.seal(json: households)
        consentGivenAt = submittedAt
        self.submittedAt = submittedAt
    }
}
