/// The body of `POST /api/v1/requests` exactly as the client sent it, before any check.
///
/// `operatorId` is required exactly when `channel` is `phone`, and `extraHouseholds` when
/// `householdCount` is above 1: conditions the validator checks, not listed as required.
struct SubmissionForm: RequestForm {
    static let requiredFields: Set<String> = ["kind", "channel", "applicant", "site", "purpose", "householdCount", "consent"]

    struct ApplicantForm: RequestForm {
        static let requiredFields: Set<String> = ["fullName", "idNumber", "phone"]

        var fullName: String?
        var idNumber: String?
        var phone: String?
        var email: String?
    }

    struct SiteForm: RequestForm {
        static let requiredFields: Set<String> = ["province", "communeCode", "street"]

        var province: String?
        var communeCode: String?
        var street: String?
    }

    struct PersonForm: RequestForm {
        static let requiredFields: Set<String> = ["fullName", "idNumber"]

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
