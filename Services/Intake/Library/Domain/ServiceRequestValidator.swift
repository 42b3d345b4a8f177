import Contracts
import Foundation
import ServiceAreas
import VietnameseIdentity

/// Turns a service-request form into a ``ServiceRequest``, or into every field error at once.
///
/// The fields every kind has are checked as on a connection request; each kind's own fields
/// are required for it and refused for the others, so a customer never believes a field
/// they filled in was acted on when it was not.
struct ServiceRequestValidator: Sendable {
    static let maximumNoteLength = 500
    static let maximumReferenceLength = 40

    let areas: ServiceAreaTable

    func validate(_ form: ServiceRequestForm) throws(ValidationFailure) -> ServiceRequest {
        var validation = Validation()
        var notices: [FieldError] = []
        let kind = validation.required("kind", form.kind) { (text: String) throws(IntakeProblem) in
            let kind = try IntakeFields.choice(text, of: RequestKind.self)
            guard !kind.isConnection else {
                throw .invalidChoice(allowed: RequestKind.allCases.filter { !$0.isConnection }.map(\.rawValue))
            }
            return kind
        }
        let (channel, operatorId) = IntakeFields.channel(form.channel, operatorId: form.operatorId, in: &validation)
        let customerCode = validation.required("customerCode", form.customerCode) { (text: String) throws(IntakeProblem) in
            try IntakeFields.servedCustomerCode(text, in: areas)
        }
        var requester: ConnectionRequest.Household?
        var phone: VietnamesePhoneNumber?
        var email: String?
        validation.nested("requester") { item in
            requester = IntakeFields.household(form.requester?.fullName, form.requester?.idNumber, in: &item,
                                               notices: &notices, at: "requester")
            phone = item.required("phone", form.requester?.phone, VietnamesePhoneNumber.init)
            email = item.optional("email", form.requester?.email, IntakeFields.email)
        }
        var details = ServiceRequestDetails()
        if let kind {
            details = kindDetails(form, kind: kind, requester: requester, customerCode: customerCode,
                                  in: &validation, notices: &notices)
        }
        details.note = validation.optional("note", form.note) { (text: String) throws(IntakeProblem) in
            try IntakeFields.text(text, maximum: Self.maximumNoteLength)
        }
        if form.consent != true {
            validation.add(IntakeProblem.consentRequired, at: "consent")
        }
        try validation.finish()
        return ServiceRequest(
            kind: kind!, channel: channel!, operatorId: operatorId, customerCode: customerCode!,
            branch: areas.branch(code: customerCode!.branchCode)!, requester: requester!, phone: phone!, email: email,
            details: details, notices: notices)
    }

    /// The kind's own fields: required when the kind needs them, refused when it does not.
    private func kindDetails(
        _ form: ServiceRequestForm, kind: RequestKind, requester: ConnectionRequest.Household?,
        customerCode: CustomerCode?, in validation: inout Validation, notices: inout [FieldError]
    ) -> ServiceRequestDetails {
        var details = ServiceRequestDetails()
        let given: [(field: String, present: Bool, kinds: Set<RequestKind>)] = [
            ("newHolder", form.newHolder != nil, [.changeOfHolder]),
            ("purpose", form.purpose != nil, [.changeOfPurpose]),
            ("newHouseholds", form.newHouseholds != nil, [.householdCountChange]),
            ("disputedRequestCode", form.disputedRequestCode != nil, [.independentVerification]),
            ("subHouseholdId", form.subHouseholdId != nil, [.meterSplit]),
            ("site", form.site != nil, [.meterSplit]),
        ]
        for entry in given where entry.present && !entry.kinds.contains(kind) {
            validation.add(IntakeProblem.notForKind(kind.rawValue), at: entry.field)
        }
        switch kind {
        case .changeOfHolder:
            validation.nested("newHolder") { item in
                guard let holder = IntakeFields.household(form.newHolder?.fullName, form.newHolder?.idNumber,
                                                          in: &item, notices: &notices, at: "newHolder") else { return }
                if holder.id.unmaskedDigits == requester?.id.unmaskedDigits {
                    item.add(IntakeProblem.sameHolder, at: "idNumber")
                }
                details.newHolder = Person(fullName: holder.name.value, idNumber: holder.id.unmaskedDigits)
            }
        case .changeOfPurpose:
            details.purpose = validation.required("purpose", form.purpose) { (text: String) throws(IntakeProblem) in
                try IntakeFields.choice(text, of: PurposeOfUse.self)
            }
        case .householdCountChange:
            details.newHouseholds = newHouseholds(form.newHouseholds, requester: requester, in: &validation,
                                                  notices: &notices)
        case .independentVerification:
            details.disputedRequestCode = validation.required("disputedRequestCode", form.disputedRequestCode,
                                                              Self.reference)
        case .meterSplit:
            details.subHouseholdId = validation.required("subHouseholdId", form.subHouseholdId, Self.reference)
            details.site = site(form.site, customerCode: customerCode, in: &validation)
        default:
            break
        }
        return details
    }

    /// The heads of the households joining the meter: 1 to 9, none twice, not the requester.
    private func newHouseholds(
        _ listed: [SubmissionForm.PersonForm]?, requester: ConnectionRequest.Household?,
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
                guard let head = IntakeFields.household(entry.fullName, entry.idNumber, in: &item, notices: &notices,
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
        validation.nested("site") { item in
            let province = item.required("province", form.province) { (text: String) throws(IntakeProblem) in
                try IntakeFields.text(text, maximum: 100)
            }
            let area = item.required("communeCode", form.communeCode) { (code: String) throws(IntakeProblem) in
                try IntakeFields.servedArea(code, in: areas)
            }
            let street = item.required("street", form.street) { (text: String) throws(IntakeProblem) in
                try IntakeFields.text(text, maximum: SubmissionValidator.maximumStreetLength)
            }
            if let area, let customerCode, area.branch.code != customerCode.branchCode {
                item.add(IntakeProblem.communeOfOtherBranch, at: "communeCode")
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
