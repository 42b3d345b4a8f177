import Contracts
import Foundation
import VietnameseIdentity

/// Turns a ``DossierForm`` into a ``NewDossier``, or into every field error at once.
///
/// The same rules check dossiers typed in by unit staff and those registered from signed
/// contracts, so both kinds screen alike.
struct DossierValidator: Sendable {
    /// - Parameters:
    ///   - unit: the staff member's own unit; `nil` for corporation staff, who must then name it in `unit`.
    ///   - origin: where the dossier comes from.
    func validate(_ form: DossierForm, unit: String?, origin: DossierOrigin) throws(ValidationFailure) -> NewDossier {
        var validation = Validation()
        let customerCode = validation.required("customerCode", form.customerCode, Self.customerCode)
        let unit = unit ?? validation.required("unit", form.unit, Self.unit)
        let meterSerial = validation.optional("meterSerial", form.meterSerial, Self.meterSerial)
        var members: [DossierMember] = []
        var seen: Set<String> = []
        func person(_ form: DossierForm.PersonForm?, role: MemberRole, at path: String) {
            validation.nested(path) { item in
                let name = item.required("fullName", form?.fullName, PersonName.init)
                let id = item.required("idNumber", form?.idNumber) { (text: String) throws(CitizenIDError) in
                    try CitizenID(text)
                }
                if let id, !seen.insert(id.unmaskedDigits).inserted {
                    item.add(HouseholdsProblem.duplicateIdNumber, at: "idNumber")
                } else if let name, let id {
                    members.append(DossierMember(role: role, name: name, id: id))
                }
            }
        }
        person(form.holder, role: .main, at: "holder")
        for (index, sub) in (form.subHouseholds ?? []).enumerated() {
            person(sub, role: .sub, at: "subHouseholds[\(index)]")
        }
        try validation.finish()
        return NewDossier(unit: unit!, customerCode: customerCode!, meterSerial: meterSerial, contractNumber: nil,
                          requestCode: nil, origin: origin, members: members)
    }

    /// A customer code: 5 to 20 upper-case ASCII letters or digits, trimmed and upper-cased.
    private static func customerCode(_ input: String) throws(HouseholdsProblem) -> String {
        let code = input.trimmingCharacters(in: .whitespaces).uppercased()
        guard (5...20).contains(code.count),
              code.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) || ("0"..."9").contains($0) })
        else { throw .invalidCustomerCode }
        return code
    }

    private static func unit(_ input: String) throws(HouseholdsProblem) -> String {
        guard let unit = BranchCode(input) else { throw .invalidUnit }
        return unit.value
    }

    private static func meterSerial(_ input: String) throws(HouseholdsProblem) -> String {
        guard let serial = MeterSerial(input) else { throw .invalidMeterSerial }
        return serial.value
    }
}
