import Contracts
import Foundation
import ServiceAreas
import VietnameseIdentity

/// Turns a submitted form into a ``ConnectionRequest``, or into every field error at once.
///
/// A customer on a phone should fix the whole form in one go, so each rule records its
/// error and the checks carry on; nothing is decided until ``validate(_:asOf:)`` has seen all fields.
/// The fields are checked through the declarations ``schema`` is built from, so the API
/// document says what this validator takes.
struct SubmissionValidator: Sendable {
    static let kind = FieldDeclaration<RequestKind>.required(
        "kind", .choice(RequestKind.allCases.filter(\.isConnection)), "A new low- or medium-voltage connection.")
    static let purpose = FieldDeclaration<PurposeOfUse>.required("purpose", .choice(), "What the electricity is for.")

    let areas: ServiceAreaTable

    /// The body's JSON Schema.
    var schema: FormSchema {
        FormSchema([
            .field(Self.kind), .field(IntakeFields.channelField), .field(IntakeFields.operatorIdField),
            .value("applicant", .ref("ApplicantForm"), required: true),
            .value("site", .ref("SiteForm"), required: true),
            .field(Self.purpose),
            .value("householdCount", [
                "type": "integer", "minimum": 1, "maximum": .integer(ConnectionRequest.maximumHouseholds),
                "description": "Households sharing the meter, the applicant's included.",
            ], required: true),
            .value("extraHouseholds", [
                "anyOf": [["type": "array", "items": .ref("PersonForm")], SchemaPattern.null],
                "description": "Exactly householdCount − 1 entries: the other households' heads.",
            ], required: false),
            .value("termMonths", [
                "anyOf": [["type": "integer", "minimum": .integer(ContractTerm.allowedMonths.lowerBound),
                           "maximum": .integer(ContractTerm.allowedMonths.upperBound)], SchemaPattern.null],
                "description": "A fixed term for the contract in months (temporary supply: a building site, a seasonal business); absent for an open-ended contract, and refused for residential use, whose contract is open-ended.",
            ], required: false),
            .value("consent", IntakeFields.consent, required: true),
        ], rules: [IntakeFields.channelRule, Self.householdsRule, Self.termRule])
    }

    /// ``validateTerm(_:purpose:in:)``'s rule over two fields: a residential contract is
    /// open-ended, so it takes no term.
    static var termRule: JSONValue {
        ["if": ["properties": ["purpose": ["const": .string(PurposeOfUse.residential.rawValue)]], "required": ["purpose"]],
         "then": ["properties": ["termMonths": SchemaPattern.null]]]
    }

    /// ``validateHouseholds(_:asOf:in:notices:)`` as a rule of the schema: one extra household per
    /// household beside the applicant's.
    static var householdsRule: JSONValue {
        ["oneOf": .array((1...ConnectionRequest.maximumHouseholds).map { count -> JSONValue in
            let extra: JSONValue = ["type": "array", "minItems": .integer(count - 1), "maxItems": .integer(count - 1)]
            return [
                "properties": ["householdCount": ["const": .integer(count)],
                               "extraHouseholds": count == 1 ? ["anyOf": [extra, SchemaPattern.null]] : extra],
                "required": count == 1 ? ["householdCount"] : ["householdCount", "extraHouseholds"],
            ]
        })]
    }

    func validate(_ form: SubmissionForm, asOf date: Date) throws(ValidationFailure) -> ConnectionRequest {
        var validation = Validation()
        var notices: [FieldError] = []

        let kind = validation.check(Self.kind, form.kind)
        let (channel, operatorId) = IntakeFields.channel(form.channel, operatorId: form.operatorId, in: &validation)

        var applicant: ConnectionRequest.Household?
        var contact: (phone: VietnamesePhoneNumber?, email: String?) = (nil, nil)
        validation.nested("applicant") { item in
            applicant = IntakeFields.household(form.applicant?.fullName, form.applicant?.idNumber, asOf: date, in: &item,
                                               notices: &notices, at: "applicant")
            contact = IntakeFields.contact(form.applicant?.phone, form.applicant?.email, in: &item)
        }

        var area: ServiceArea?
        var street: String?
        let site = IntakeFields.site(in: areas)
        validation.nested("site") { item in
            _ = item.check(site.province, form.site?.province)
            area = item.check(site.commune, form.site?.communeCode)
            street = item.check(site.street, form.site?.street)
        }

        let purpose = validation.check(Self.purpose, form.purpose)

        let extraHouseholds = validateHouseholds(form, asOf: date, in: &validation, notices: &notices)

        let term = validateTerm(form.termMonths, purpose: purpose, in: &validation)

        if form.consent != true {
            validation.add(IntakeProblem.consentRequired, at: "consent")
        }

        return try validation.finish {
            guard let kind, let channel, let applicant, let phone = contact.phone, let area, let street, let purpose,
                  let householdCount = form.householdCount else { return nil }
            return ConnectionRequest(
                kind: kind, channel: channel, operatorId: operatorId, applicant: applicant, phone: phone,
                email: contact.email, area: area, street: street, purpose: purpose, householdCount: householdCount,
                extraHouseholds: extraHouseholds, term: term, notices: notices
            )
        }
    }

    /// The fixed term asked for: 1–60 months, and never for a household, whose contract is
    /// open-ended; none when the form asks for none or the term is refused.
    private func validateTerm(_ months: Int?, purpose: PurposeOfUse?, in validation: inout Validation) -> ContractTerm? {
        guard let months else { return nil }
        guard let term = ContractTerm(months: months) else {
            validation.add(IntakeProblem.termOutOfRange, at: "termMonths")
            return nil
        }
        guard purpose != .residential else {
            validation.add(IntakeProblem.termForHousehold, at: "termMonths")
            return nil
        }
        return term
    }

    /// Checks the household count and one entry, name and ID, per household beside the applicant's.
    private func validateHouseholds(
        _ form: SubmissionForm, asOf date: Date, in validation: inout Validation, notices: inout [FieldError]
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
                if let household = IntakeFields.household(entry.fullName, entry.idNumber, asOf: date, in: &item, notices: &notices,
                                                           at: "extraHouseholds[\(index)]") {
                    households.append(household)
                }
            }
        }
        return households
    }
}
