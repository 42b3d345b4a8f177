import Foundation
import VietnameseIdentity
import WorkingCalendar

/// Checks a sub-household as unit staff or a bulk file give it.
///
/// The same rules for the API, the bulk import and contracts, so a household is checked
/// alike wherever it comes from; only contracts may leave out the address and the
/// residence confirmation (the counter checked the documents when the contract was signed).
struct SubHouseholdValidator: Sendable {
    /// Checks `form` into `validation`, field paths relative to its current prefix.
    ///
    /// - Parameters:
    ///   - today: the day in Vietnam, which a confirmation may not be issued after.
    ///   - requireResidence: whether the permanent address and the confirmation are required.
    /// - Returns: the sub-household, or `nil` when a field error was recorded.
    func check(_ form: SubHouseholdForm, today: CalendarDay, requireResidence: Bool,
               into validation: inout Validation) -> SubHousehold? {
        let name = validation.required("fullName", form.fullName, PersonName.init)
        let id = validation.required("idNumber", form.idNumber) { (text: String) throws(CitizenIDError) in
            try CitizenID(text, asOf: today.start())
        }
        let book = validation.optional("householdBook", form.householdBook, Self.householdBook)
        let address = requireResidence
            ? validation.required("permanentAddress", form.permanentAddress, Self.address)
            : validation.optional("permanentAddress", form.permanentAddress, Self.address)
        var confirmation: ResidenceConfirmation?
        var confirmationChecked = !requireResidence
        if let given = form.residenceConfirmation {
            validation.nested("residenceConfirmation") { item in
                confirmation = Self.confirmation(given, today: today, into: &item)
            }
            confirmationChecked = confirmation != nil
        } else if requireResidence {
            validation.add(MissingValue(), at: "residenceConfirmation")
        }
        if let persons = form.persons, !(1...50).contains(persons) {
            validation.add(HouseholdsProblem.invalidPersons, at: "persons")
            return nil
        }
        guard let name, let id, confirmationChecked, !requireResidence || address != nil else { return nil }
        return SubHousehold(name: name, id: id, householdBook: book, permanentAddress: address,
                            confirmation: confirmation, persons: form.persons)
    }

    private static func confirmation(_ form: ResidenceConfirmationForm, today: CalendarDay,
                                     into validation: inout Validation) -> ResidenceConfirmation? {
        let issuer = validation.required("issuer", form.issuer) { (text: String) throws(HouseholdsProblem) in
            try Self.text(text, length: 5...200, problem: .invalidIssuer)
        }
        let number = validation.required("number", form.number) { (text: String) throws(HouseholdsProblem) in
            try Self.text(text, length: 1...40, problem: .invalidConfirmationNumber)
        }
        let issuedOn = validation.required("issuedOn", form.issuedOn) { (text: String) throws(HouseholdsProblem) in
            let day = try Self.day(text)
            guard day <= today else { throw .issuedInFuture }
            return day
        }
        let validUntil = validation.optional("validUntil", form.validUntil) { (text: String) throws(HouseholdsProblem) in
            let day = try Self.day(text)
            if let issuedOn, day < issuedOn { throw .validBeforeIssued }
            return day
        }
        let validUntilGiven = !(form.validUntil ?? "").allSatisfy(\.isWhitespace)
        guard let issuer, let number, let issuedOn, !validUntilGiven || validUntil != nil else { return nil }
        return ResidenceConfirmation(issuer: issuer, number: number, issuedOn: issuedOn, validUntil: validUntil)
    }

    /// A household book number: letters and digits, spaces and `-` dropped, upper-cased.
    static func householdBook(_ input: String) throws(HouseholdsProblem) -> String {
        let compact = String(input.uppercased().unicodeScalars.filter { $0 != " " && $0 != "-" }.map(Character.init))
        guard (4...20).contains(compact.count),
              compact.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) || ("0"..."9").contains($0) })
        else { throw .invalidHouseholdBook }
        return compact
    }

    /// An address: rural ones can be as short as `Tổ 1` (hamlet group 1).
    static func address(_ input: String) throws(HouseholdsProblem) -> String {
        try text(input, length: 3...200, problem: .invalidAddress)
    }

    /// Free text, trimmed, inner runs of white space made one space, of a length in `length`.
    static func text(_ input: String, length: ClosedRange<Int>, problem: HouseholdsProblem) throws(HouseholdsProblem) -> String {
        if isTidy(input) {
            guard length.contains(input.unicodeScalars.count) else { throw problem }
            return input
        }
        let text = input.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard length.contains(text.unicodeScalars.count),
              !text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
        else { throw problem }
        return text
    }

    /// Whether `text` needs no tidying and holds no control character: no white space but single
    /// ASCII spaces between words.
    ///
    /// Decided on the UTF-8 bytes, because bulk imports check millions of names and addresses
    /// and splitting each into words cost more than the rest of the row. Anything that might be
    /// another white space or a control (a C0/C1 control, U+00A0, U+2000–U+205F, U+3000: their
    /// UTF-8 starts with C2, E2 or E3) sends the text the slow way.
    private static func isTidy(_ text: String) -> Bool {
        var previous: UInt8 = 0x20
        for byte in text.utf8 {
            switch byte {
            case 0x20 where previous == 0x20: return false
            case 0x00..<0x20, 0x7F, 0xC2, 0xE2, 0xE3: return false
            default: previous = byte
            }
        }
        return previous != 0x20
    }

    static func day(_ input: String) throws(HouseholdsProblem) -> CalendarDay {
        guard let day = CalendarDay(input) ?? CalendarDay(input.trimmingCharacters(in: .whitespaces)) else {
            throw .invalidDate
        }
        return day
    }
}
