import Contracts
import Foundation
import ServiceAreas
import VietnameseIdentity

/// Turns a service-request form into a ``ServiceRequest``, or into every field error at once.
///
/// The fields every kind has are checked as on a connection request; each kind's own fields
/// (``ownFields``) are required for it and refused for the others, so a customer never
/// believes a field they filled in was acted on when it was not. The API document shows one
/// schema per kind (``schemas``), built from the same declarations.
struct ServiceRequestValidator: Sendable {
    static let maximumNoteLength = 500
    static let maximumReferenceLength = 40

    static let kinds = RequestKind.allCases.filter { !$0.isConnection }
    static let kind = FieldDeclaration<RequestKind>.required("kind", .choice(kinds), "What the request asks for.")
    static let purpose = FieldDeclaration<PurposeOfUse>.required("purpose", .choice(), "The new purpose of use.")
    static let disputedRequestCode = FieldDeclaration<String>.required(
        "disputedRequestCode", .reference, "The code of the verification disputed, e.g. PC05TK-251124-000123.")
    static let subHouseholdId = FieldDeclaration<String>.required(
        "subHouseholdId", .reference, "The sub-household getting its own meter, e.g. SH-1042.")
    static let note = FieldDeclaration<String>.optional("note", .text(maximum: maximumNoteLength), "Anything the branch should know.")

    /// The fields of one kind only, by kind: required for it (but see ``eitherFields``), refused for every other.
    static let ownFields: [RequestKind: [String]] = [
        .changeOfHolder: ["newHolder"], .changeOfPurpose: [purpose.name],
        .householdCountChange: ["newHouseholds", leavingSubHouseholdIds],
        .independentVerification: [disputedRequestCode.name], .meterSplit: [subHouseholdId.name, "site"],
    ]

    let areas: ServiceAreaTable

    var customerCode: FieldDeclaration<CustomerCode> {
        .required("customerCode", .servedCustomerCode(in: areas), "The customer code on the bill, e.g. PC05TK0012345.")
    }

    /// The body's JSON Schema for each kind: the fields every kind has, the kind's own fields,
    /// and `null` (the field left out) for every other kind's. The channel's rule
    /// (``IntakeFields/channelRule``) holds for every kind alike, beside these.
    var schemas: [RequestKind: FormSchema] {
        let common: [FormSchema.Property] = [
            .field(IntakeFields.channelField), .field(IntakeFields.operatorIdField), .field(customerCode),
            .value("requester", .ref("ApplicantForm"), required: true), .field(Self.note),
            .value("consent", IntakeFields.consent, required: true),
        ]
        let own: [String: JSONValue] = [
            "newHolder": .ref("ApplicantForm"), Self.purpose.name: Self.purpose.schema,
            "newHouseholds": ["type": "array", "items": .ref("PersonForm"), "minItems": 1, "uniqueItems": true,
                              "maxItems": .integer(ConnectionRequest.maximumHouseholds - 1)],
            Self.leavingSubHouseholdIds: Self.leavingSchema,
            Self.disputedRequestCode.name: Self.disputedRequestCode.schema,
            Self.subHouseholdId.name: Self.subHouseholdId.schema, "site": .ref("SiteForm"),
        ]
        let splitRule: JSONValue = ["anyOf": .array(IntakeFields.sameBranchRule(in: areas) { customerCode, commune in
            ["properties": ["customerCode": customerCode, "site": ["properties": ["communeCode": commune]]]]
        })]
        return Dictionary(uniqueKeysWithValues: Self.kinds.map { kind -> (RequestKind, FormSchema) in
            let mine = Set(Self.ownFields[kind] ?? [])
            let kindProperty = FormSchema.Property.value(
                Self.kind.name, ["type": "string", "const": .string(kind.rawValue)], required: true)
            let ownProperties = own.sorted { $0.key < $1.key }.map { name, schema in
                FormSchema.Property.value(name, mine.contains(name) ? schema : SchemaPattern.null,
                                          required: mine.contains(name) && Self.eitherFields[kind] == nil)
            }
            let rules = (kind == .meterSplit ? [splitRule] : []) + (Self.eitherFields[kind].map { [Self.anyOfRule($0)] } ?? [])
            return (kind, FormSchema([kindProperty] + common + ownProperties, rules: rules))
        })
    }

    /// - Parameters:
    ///   - date: the filing's instant: an ID number's birth year must be plausible on that day.
    ///   - fixedChannel: the channel of a filing that does not come from a client (an e-mail's),
    ///     recorded instead of the form's `channel` and `operatorId`, which are not read.
    func validate(_ form: ServiceRequestForm, asOf date: Date, channel fixedChannel: Channel? = nil)
        throws(ValidationFailure) -> ServiceRequest {
        var validation = Validation()
        var notices: [FieldError] = []
        let kind = validation.check(Self.kind, form.kind)
        let (channel, operatorId) = fixedChannel.map { ($0, nil) }
            ?? IntakeFields.channel(form.channel, operatorId: form.operatorId, in: &validation)
        let customerCode = validation.check(self.customerCode, form.customerCode)
        var requester: ConnectionRequest.Household?
        var contact: (phone: VietnamesePhoneNumber?, email: String?) = (nil, nil)
        validation.nested("requester") { item in
            requester = IntakeFields.household(form.requester?.fullName, form.requester?.idNumber, asOf: date, in: &item,
                                               notices: &notices, at: "requester")
            contact = IntakeFields.contact(form.requester?.phone, form.requester?.email, in: &item)
        }
        var details = ServiceRequestDetails()
        if let kind {
            details = kindDetails(form, kind: kind, requester: requester, customerCode: customerCode,
                                  asOf: date, in: &validation, notices: &notices)
        }
        details.note = validation.check(Self.note, form.note)
        if form.consent != true {
            validation.add(IntakeProblem.consentRequired, at: "consent")
        }
        return try validation.finish {
            guard let kind, let channel, let customerCode, let branch = areas.branch(code: customerCode.branchCode),
                  let requester, let phone = contact.phone else { return nil }
            return ServiceRequest(
                kind: kind, channel: channel, operatorId: operatorId, customerCode: customerCode, branch: branch,
                requester: requester, phone: phone, email: contact.email, details: details, notices: notices)
        }
    }

    /// The kind's own fields: required when the kind needs them, refused when it does not.
    private func kindDetails(
        _ form: ServiceRequestForm, kind: RequestKind, requester: ConnectionRequest.Household?,
        customerCode: CustomerCode?, asOf date: Date, in validation: inout Validation, notices: inout [FieldError]
    ) -> ServiceRequestDetails {
        var details = ServiceRequestDetails()
        let mine = Self.ownFields[kind] ?? []
        for field in form.givenKindFields where !mine.contains(field) {
            validation.add(IntakeProblem.notForKind(kind.rawValue), at: field)
        }
        switch kind {
        case .changeOfHolder:
            validation.nested("newHolder") { item in
                let holder = IntakeFields.household(form.newHolder?.fullName, form.newHolder?.idNumber,
                                                    asOf: date, in: &item, notices: &notices, at: "newHolder")
                let contact = IntakeFields.contact(form.newHolder?.phone, form.newHolder?.email, in: &item)
                guard let holder else { return }
                if holder.id.unmaskedDigits == requester?.id.unmaskedDigits {
                    item.add(IntakeProblem.sameHolder, at: "idNumber")
                }
                details.newHolder = Person(fullName: holder.name.value, idNumber: holder.id.unmaskedDigits)
                details.newHolderContact = contact.phone.map { CustomerContact(phone: $0.e164, email: contact.email) }
            }
        case .changeOfPurpose:
            details.purpose = validation.check(Self.purpose, form.purpose)
        case .householdCountChange:
            (details.newHouseholds, details.leavingSubHouseholdIds) = householdChange(
                form, requester: requester, asOf: date, in: &validation, notices: &notices)
        case .independentVerification:
            details.disputedRequestCode = validation.check(Self.disputedRequestCode, form.disputedRequestCode)
        case .meterSplit:
            details.subHouseholdId = validation.check(Self.subHouseholdId, form.subHouseholdId)
            details.site = site(form.site, customerCode: customerCode, in: &validation)
        default:
            break
        }
        return details
    }

    /// The heads of the households joining the meter: 1 to 9, none twice, not the requester.
    func newHouseholds(
        _ listed: [SubmissionForm.PersonForm]?, requester: ConnectionRequest.Household?, asOf date: Date,
        in validation: inout Validation, notices: inout [FieldError]
    ) -> [Person] {
        guard let listed, (1..<ConnectionRequest.maximumHouseholds).contains(listed.count) else {
            validation.add(IntakeProblem.newHouseholdsCount, at: "newHouseholds")
            return []
        }
        var seen: Set<String> = requester.map { [$0.id.unmaskedDigits] } ?? []
        var people: [Person] = []
        for (index, entry) in listed.enumerated() {
            validation.nested("newHouseholds[\(index)]") { item in
                guard let head = IntakeFields.household(entry.fullName, entry.idNumber, asOf: date, in: &item, notices: &notices,
                                                        at: "newHouseholds[\(index)]") else { return }
                guard seen.insert(head.id.unmaskedDigits).inserted else {
                    item.add(IntakeProblem.repeatedIdNumber, at: "idNumber")
                    return
                }
                people.append(Person(fullName: head.name.value, idNumber: head.id.unmaskedDigits))
            }
        }
        return people
    }

    /// Where a split's new meter goes: a served commune of the customer code's own branch.
    private func site(_ form: ServiceRequestForm.SiteForm?, customerCode: CustomerCode?,
                      in validation: inout Validation) -> Site? {
        guard let form else {
            validation.add(MissingValue(), at: "site")
            return nil
        }
        var site: Site?
        let fields = IntakeFields.site(in: areas)
        validation.nested("site") { item in
            let province = item.check(fields.province, form.province)
            let area = item.check(fields.commune, form.communeCode)
            let street = item.check(fields.street, form.street)
            if let area, let customerCode, area.branch.code != customerCode.branchCode {
                item.add(IntakeProblem.communeOfOtherBranch, at: fields.commune.name)
            }
            guard let province, let area, let street else { return }
            site = Site(province: province, communeCode: area.communeCode, street: street,
                        branchCode: area.branch.code, areaClass: area.areaClass)
        }
        return site
    }

    /// A request code or households' reference: 1 to 40 ASCII letters, digits or `-`, upper-cased.
    static func reference(_ input: String) throws(IntakeProblem) -> String {
        let reference = input.trimmingCharacters(in: .whitespaces).uppercased()
        guard (1...maximumReferenceLength).contains(reference.count),
              reference.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-" })
        else { throw .referenceFormat }
        return reference
    }
}
