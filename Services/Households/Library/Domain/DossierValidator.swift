import Contracts
import Foundation
import VietnameseIdentity
import WorkingCalendar

/// Turns a ``DossierForm`` into a ``NewDossier``, or into every field error at once.
///
/// The same rules check dossiers typed in by unit staff, those of the bulk import and those
/// registered from signed contracts, so all kinds screen alike.
struct DossierValidator: Sendable {
    let subHouseholds = SubHouseholdValidator()

    /// - Parameters:
    ///   - unit: the staff member's own unit; `nil` for corporation staff, who must then name it in `unit`.
    ///   - origin: where the dossier comes from; only contracts may leave out residence details.
    ///   - today: the day in Vietnam.
    func validate(_ form: DossierForm, unit: String?, origin: DossierOrigin,
                  today: CalendarDay) throws(ValidationFailure) -> NewDossier {
        var validation = Validation()
        let customerCode = validation.required("customerCode", form.customerCode, Self.customerCode)
        let unit = unit ?? validation.required("unit", form.unit, Self.unit)
        let meterSerial = validation.optional("meterSerial", form.meterSerial, Self.meterSerial)
        let phone = validation.optional("contactPhone", form.contactPhone) { (text: String) throws(PhoneNumberError) in
            try VietnamesePhoneNumber(text)
        }
        var ids: Set<String> = []
        var books: Set<String> = []
        /// Records an error when the ID number or book is already given in this dossier.
        func isRepeated(_ id: CitizenID?, _ book: String?, in item: inout Validation) -> Bool {
            var repeated = false
            if let id, !ids.insert(id.unmaskedDigits).inserted {
                item.add(HouseholdsProblem.duplicateIdNumber, at: "idNumber")
                repeated = true
            }
            if let book, !books.insert(book).inserted {
                item.add(HouseholdsProblem.duplicateHouseholdBook, at: "householdBook")
                repeated = true
            }
            return repeated
        }
        var holder: NewDossier.Holder?
        validation.nested("holder") { item in
            let name = item.required("fullName", form.holder?.fullName, PersonName.init)
            let id = item.required("idNumber", form.holder?.idNumber) { (text: String) throws(CitizenIDError) in
                try CitizenID(text, asOf: today.start())
            }
            let book = item.optional("householdBook", form.holder?.householdBook, SubHouseholdValidator.householdBook)
            if !isRepeated(id, book, in: &item), let name, let id {
                holder = NewDossier.Holder(name: name, id: id, householdBook: book)
            }
        }
        var subs: [SubHousehold] = []
        for (index, sub) in (form.subHouseholds ?? []).enumerated() {
            validation.nested("subHouseholds[\(index)]") { item in
                let checked = subHouseholds.check(sub, today: today, requireResidence: origin == .records, into: &item)
                if !isRepeated(checked?.id, checked?.householdBook, in: &item), let checked {
                    subs.append(checked)
                }
            }
        }
        try validation.finish()
        return NewDossier(unit: unit!, customerCode: customerCode!, meterSerial: meterSerial, contractNumber: nil,
                          requestCode: nil, origin: origin, holder: holder!, contactPhone: phone, subHouseholds: subs)
    }

    /// A customer code: 5 to 20 upper-case ASCII letters or digits, trimmed and upper-cased.
    static func customerCode(_ input: String) throws(HouseholdsProblem) -> String {
        // The billing system's export holds millions of codes, nearly all clean: take those as they are.
        let code = input.utf8.allSatisfy({ (0x41...0x5A).contains($0) || (0x30...0x39).contains($0) })
            ? input : input.trimmingCharacters(in: .whitespaces).uppercased()
        guard (5...20).contains(code.count),
              code.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) || ("0"..."9").contains($0) })
        else { throw .invalidCustomerCode }
        return code
    }

    static func unit(_ input: String) throws(HouseholdsProblem) -> String {
        guard let unit = BranchCode(input) else { throw .invalidUnit }
        return unit.value
    }

    private static func meterSerial(_ input: String) throws(HouseholdsProblem) -> String {
        guard let serial = MeterSerial(input) else { throw .invalidMeterSerial }
        return serial.value
    }
}
