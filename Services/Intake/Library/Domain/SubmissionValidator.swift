import Contracts
import Foundation
import ServiceAreas
import VietnameseIdentity

/// Turns a submitted form into a ``ConnectionRequest``, or into every field error at once.
///
/// A customer on a phone should fix the whole form in one go, so each rule records its
/// error and the checks carry on; nothing is decided until ``validate(_:)`` has seen all fields.
struct SubmissionValidator: Sendable {
    static let maximumStreetLength = 200

    let areas: ServiceAreaTable

    func validate(_ form: SubmissionForm) throws(ValidationFailure) -> ConnectionRequest {
        var validation = Validation()
        var notices: [FieldError] = []

        let kind = validation.required("kind", form.kind) { (text: String) throws(IntakeProblem) in
            let kind = try IntakeFields.choice(text, of: RequestKind.self)
            guard kind.isConnection else {
                throw .invalidChoice(allowed: RequestKind.allCases.filter(\.isConnection).map(\.rawValue))
            }
            return kind
        }
        let (channel, operatorId) = IntakeFields.channel(form.channel, operatorId: form.operatorId, in: &validation)

        var applicant: ConnectionRequest.Household?
        var phone: VietnamesePhoneNumber?
        var email: String?
        validation.nested("applicant") { item in
            applicant = IntakeFields.household(form.applicant?.fullName, form.applicant?.idNumber, in: &item,
                                  notices: &notices, at: "applicant")
            phone = item.required("phone", form.applicant?.phone, VietnamesePhoneNumber.init)
            email = item.optional("email", form.applicant?.email, IntakeFields.email)
        }

        var area: ServiceArea?
        var street: String?
        validation.nested("site") { item in
            _ = item.required("province", form.site?.province) { (text: String) throws(IntakeProblem) in
                try IntakeFields.text(text, maximum: 100)
            }
            area = item.required("communeCode", form.site?.communeCode) { (code: String) throws(IntakeProblem) in
                try IntakeFields.servedArea(code, in: areas)
            }
            street = item.required("street", form.site?.street) { (text: String) throws(IntakeProblem) in
                try IntakeFields.text(text, maximum: Self.maximumStreetLength)
            }
        }

        let purpose = validation.required("purpose", form.purpose) { (text: String) throws(IntakeProblem) in
            try IntakeFields.choice(text, of: PurposeOfUse.self)
        }

        let extraHouseholds = validateHouseholds(form, in: &validation, notices: &notices)

        if form.consent != true {
            validation.add(IntakeProblem.consentRequired, at: "consent")
        }

        try validation.finish()
        return ConnectionRequest(
            kind: kind!, channel: channel!, operatorId: operatorId, applicant: applicant!, phone: phone!, email: email,
            area: area!, street: street!, purpose: purpose!, householdCount: form.householdCount!,
            extraHouseholds: extraHouseholds, notices: notices
        )
    }

    /// Checks the household count and one entry, name and ID, per household beside the applicant's.
    private func validateHouseholds(
        _ form: SubmissionForm, in validation: inout Validation, notices: inout [FieldError]
    ) -> [ConnectionRequest.Household] {
        guard let count = form.householdCount else {
            validation.add(IntakeProblem.householdCountOutOfRange, at: "householdCount")
            return []
        }
        guard (1...ConnectionRequest.maximumHouseholds).contains(count) else {
            validation.add(IntakeProblem.householdCountOutOfRange, at: "householdCount")
            return []
        }
        let listed = form.extraHouseholds ?? []
        guard listed.count == count - 1 else {
            validation.add(IntakeProblem.extraHouseholdsMismatch(expected: count - 1), at: "extraHouseholds")
            return []
        }
        var households: [ConnectionRequest.Household] = []
        for (index, entry) in listed.enumerated() {
            validation.nested("extraHouseholds[\(index)]") { item in
                if let household = IntakeFields.household(entry.fullName, entry.idNumber, in: &item, notices: &notices,
                                             at: "extraHouseholds[\(index)]") {
                    households.append(household)
                }
            }
        }
        return households
    }
}
