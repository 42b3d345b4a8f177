/// The body of `POST /api/v1/requests` exactly as the client sent it, before any check.
///
/// `operatorId` is required exactly when `channel` is `phone`, and `extraHouseholds` when
/// `householdCount` is above 1: rules of ``SubmissionValidator/schema`` beside its required fields.
struct SubmissionForm: RequestForm {
    struct ApplicantForm: RequestForm {
        var fullName: String?
        var idNumber: String?
        var phone: String?
        var email: String?
    }

    struct SiteForm: RequestForm {
        var province: String?
        var communeCode: String?
        var street: String?
    }

    struct PersonForm: RequestForm {
        var fullName: String?
        var idNumber: String?
    }

    var kind: String?
    var applicant: ApplicantForm?
    var site: SiteForm?
    var purpose: String?
    var householdCount: Int?
    var extraHouseholds: [PersonForm]?
    var termMonths: Int?
    var consent: Bool?
    var channel: String?
    var operatorId: String?
}
