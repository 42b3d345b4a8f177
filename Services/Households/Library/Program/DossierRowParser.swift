import CSV
import VietnameseIdentity
import WorkingCalendar

/// Reads one row of a bulk dossier file: a main household (which opens the customer's
/// dossier) or a sub-household (which joins it), checked by the same rules as the API.
///
/// Columns, in any order, other columns ignored: `customer_code,unit,role,full_name,id_number,
/// household_book,permanent_address,confirmation_issuer,confirmation_number,
/// confirmation_issued_on,confirmation_valid_until,persons,contact_phone`.
struct DossierRowParser: Sendable {
    static let columns = [
        "customer_code", "unit", "role", "full_name", "id_number", "household_book", "permanent_address",
        "confirmation_issuer", "confirmation_number", "confirmation_issued_on", "confirmation_valid_until", "persons",
        "contact_phone",
    ]

    let header: CSVHeader
    let subHouseholds: SubHouseholdValidator
    let sealing: MemberSealing
    let today: CalendarDay

    func parse(_ record: CSVRecord) -> Result<DossierRow, ValidationFailure> {
        var validation = Validation()
        let code = validation.required("customer_code", field("customer_code", record), DossierValidator.customerCode)
        let unit = validation.required("unit", field("unit", record), DossierValidator.unit)
        let role = validation.required("role", field("role", record)) { (text: String) throws(HouseholdsProblem) in
            guard let role = MemberRole(rawValue: text)
                    ?? MemberRole(rawValue: text.trimmingCharacters(in: .whitespaces).lowercased()) else {
                throw .invalidRole
            }
            return role
        }
        var household: DossierRow.Household?
        switch role {
        case .main:
            let name = validation.required("full_name", field("full_name", record), PersonName.init)
            let id = validation.required("id_number", field("id_number", record)) { (text: String) throws(CitizenIDError) in
                try CitizenID(text, asOf: today.start())
            }
            let book = validation.optional("household_book", field("household_book", record), SubHouseholdValidator.householdBook)
            let phone = validation.optional("contact_phone", field("contact_phone", record)) {
                (text: String) throws(PhoneNumberError) in try VietnamesePhoneNumber(text)
            }
            if let name, let id {
                household = .main(NewDossier.Holder(name: name, id: id, householdBook: book), contactPhone: phone)
            }
        case .sub:
            var persons: Int?
            if let text = field("persons", record), !text.isEmpty {
                persons = Int(text)
                if persons == nil { validation.add(HouseholdsProblem.invalidPersons, at: "persons") }
            }
            if let sub = subHouseholds.check(form(record, persons: persons), today: today, requireResidence: true,
                                             into: &validation) {
                household = .sub(sub)
            }
        case nil:
            break
        }
        do {
            try validation.finish()
        } catch {
            return .failure(Self.columnNames(error))
        }
        return .success(DossierRow(line: record.line, customerCode: code!, unit: unit!, household: household!,
                                   sealed: seal(household!)))
    }

    private func form(_ record: CSVRecord, persons: Int?) -> SubHouseholdForm {
        let confirmation = ["confirmation_issuer", "confirmation_number", "confirmation_issued_on", "confirmation_valid_until"]
            .contains { !(field($0, record) ?? "").isEmpty }
            ? ResidenceConfirmationForm(
                issuer: field("confirmation_issuer", record), number: field("confirmation_number", record),
                issuedOn: field("confirmation_issued_on", record), validUntil: field("confirmation_valid_until", record))
            : nil
        return SubHouseholdForm(
            fullName: field("full_name", record), idNumber: field("id_number", record),
            householdBook: field("household_book", record), permanentAddress: field("permanent_address", record),
            residenceConfirmation: confirmation, persons: persons)
    }

    private func seal(_ household: DossierRow.Household) -> MemberSealing.Sealed {
        switch household {
        case .main(let holder, _):
            sealing.seal(name: holder.name, id: holder.id, householdBook: holder.householdBook, permanentAddress: nil)
        case .sub(let sub):
            sealing.seal(name: sub.name, id: sub.id, householdBook: sub.householdBook, permanentAddress: sub.permanentAddress)
        }
    }

    private func field(_ name: String, _ record: CSVRecord) -> String? {
        header.value(name, in: record)
    }

    /// The API's field paths (`fullName`, `residenceConfirmation.issuedOn`) as the file's column names.
    private static func columnNames(_ failure: ValidationFailure) -> ValidationFailure {
        ValidationFailure(errors: failure.errors.map { error in
            FieldError(field: columnName[error.field] ?? error.field, code: error.code, message: error.message)
        })
    }

    private static let columnName = [
        "fullName": "full_name", "idNumber": "id_number", "householdBook": "household_book",
        "permanentAddress": "permanent_address", "residenceConfirmation": "confirmation_issuer",
        "residenceConfirmation.issuer": "confirmation_issuer", "residenceConfirmation.number": "confirmation_number",
        "residenceConfirmation.issuedOn": "confirmation_issued_on",
        "residenceConfirmation.validUntil": "confirmation_valid_until",
    ]
}
