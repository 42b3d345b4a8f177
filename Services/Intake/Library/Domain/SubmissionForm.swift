/// The body of `POST /api/v1/requests` exactly as the client sent it, before any check.
///
/// Every field is optional so that a missing one becomes a field error next to the others,
/// not a decoding failure that hides them.
struct SubmissionForm: Decodable, Sendable {
    struct ApplicantForm: Decodable, Sendable {
        var fullName: String?
        var idNumber: String?
        var phone: String?
        var email: String?
    }

    struct SiteForm: Decodable, Sendable {
        var province: String?
        var communeCode: String?
        var street: String?
    }

    struct PersonForm: Decodable, Sendable {
        var fullName: String?
        var idNumber: String?
    }

    var kind: String?
    var applicant: ApplicantForm?
    var site: SiteForm?
    var purpose: String?
    var householdCount: Int?
    var extraHouseholds: [PersonForm]?
    var consent: Bool?
    var channel: String?
    var operatorId: String?
}
