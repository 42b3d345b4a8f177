/// The body of `POST /api/v1/service-requests` exactly as the client sent it, before any check:
/// a request about an existing supply point, named by its customer code.
///
/// Beside the fields every kind has, each kind needs its own (``ServiceRequestValidator/ownFields``
/// says which): `newHolder` for a change of holder, `purpose` for a change of purpose,
/// `newHouseholds` or `leavingSubHouseholdIds` (or both) for a change of the households sharing the meter, `disputedRequestCode`
/// for an independent verification, `subHouseholdId` and `site` for a meter split.
struct ServiceRequestForm: RequestForm {
    struct SiteForm: Decodable, Sendable {
        var province: String?
        var communeCode: String?
        var street: String?
    }

    var kind: String?
    var channel: String?
    var operatorId: String?
    var customerCode: String?
    var requester: SubmissionForm.ApplicantForm?
    /// The new holder, with their own phone: the requester is the one leaving.
    var newHolder: SubmissionForm.ApplicantForm?
    var purpose: String?
    var newHouseholds: [SubmissionForm.PersonForm]?
    var leavingSubHouseholdIds: [String]?
    var disputedRequestCode: String?
    var subHouseholdId: String?
    var site: SiteForm?
    var note: String?
    var consent: Bool?

    /// The fields of one kind only (``ServiceRequestValidator/ownFields``) that this form
    /// carries, by JSON name; a field sent as `null` is not carried.
    var givenKindFields: [String] {
        [("newHolder", newHolder != nil), ("purpose", purpose != nil), ("newHouseholds", newHouseholds != nil),
         (ServiceRequestValidator.leavingSubHouseholdIds, leavingSubHouseholdIds != nil),
         ("disputedRequestCode", disputedRequestCode != nil), ("subHouseholdId", subHouseholdId != nil),
         ("site", site != nil)].filter(\.1).map(\.0)
    }
}
