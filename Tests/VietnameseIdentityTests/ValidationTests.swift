import Foundation
import Testing
import VietnameseIdentity

@Suite("Validation")
struct ValidationTests {
    let now = TestDates.midJune2025

    @Test func collectsEveryErrorOfAFormNotOnlyTheFirst() {
        var validation = Validation()
        _ = validation.required("applicant.fullName", "Nguyễn Văn 2", PersonName.init)
        _ = validation.required("applicant.phone", "0235 3812 345", VietnamesePhoneNumber.init)
        _ = validation.required("applicant.idNumber", "099088012345") { (text: String) throws(CitizenIDError) in try CitizenID(text, asOf: now) }
        #expect(validation.errors.map(\.field) == ["applicant.fullName", "applicant.phone", "applicant.idNumber"])
        #expect(validation.errors.map(\.code) == ["name.invalid_character", "phone.landline", "id_number.invalid_province"])
    }

    @Test func acceptsParsersGivenAsFunctions() {
        var validation = Validation()
        let id = validation.required("idNumber", "079088012345", Self.citizenID)
        #expect(id?.birthYear == 1988)
    }

    /// A parser as a named function, as a validator passes one.
    private static func citizenID(_ text: String) throws(CitizenIDError) -> CitizenID {
        try CitizenID(text, asOf: TestDates.midJune2025)
    }

    @Test func returnsParsedValuesWhenFieldsAreValid() throws {
        var validation = Validation()
        let name = validation.required("fullName", "Lê Thị Hồng", PersonName.init)
        let phone = validation.required("phone", "0912 345 678", VietnamesePhoneNumber.init)
        #expect(name?.value == "Lê Thị Hồng")
        #expect(phone?.e164 == "+84912345678")
        #expect(validation.isValid)
        try validation.finish()
    }

    @Test func recordsAMissingRequiredValue() {
        var validation = Validation()
        _ = validation.required("applicant.phone", nil, VietnamesePhoneNumber.init)
        _ = validation.required("applicant.fullName", "   ", PersonName.init)
        #expect(validation.errors.map(\.code) == ["required", "required"])
        #expect(validation.errors.first?.message.vi == "Vui lòng nhập thông tin này")
    }

    @Test func leavesAnAbsentOptionalValueAlone() {
        var validation = Validation()
        let phone = validation.optional("applicant.secondPhone", nil, VietnamesePhoneNumber.init)
        #expect(phone == nil)
        #expect(validation.isValid)
    }

    @Test func stillChecksAnOptionalValueThatIsGiven() {
        var validation = Validation()
        _ = validation.optional("applicant.secondPhone", "1900 1909", VietnamesePhoneNumber.init)
        #expect(validation.errors.map(\.code) == ["phone.not_mobile"])
    }

    @Test func prefixesFieldsOfArrayElementsWithTheirIndex() {
        let idNumbers = ["079088012345", "099088012345"]
        var validation = Validation()
        for (index, idNumber) in idNumbers.enumerated() {
            validation.nested("households[\(index)]") { household in
                _ = household.required("idNumber", idNumber) { (text: String) throws(CitizenIDError) in try CitizenID(text, asOf: now) }
            }
        }
        #expect(validation.errors.map(\.field) == ["households[1].idNumber"])
    }

    @Test func nestingComposes() {
        var validation = Validation()
        validation.nested("dossier") { dossier in
            dossier.nested("households") { households in
                households.nested("[2]") { household in
                    household.add(PersonNameError.empty, at: "fullName")
                }
            }
        }
        #expect(validation.errors.map(\.field) == ["dossier.households[2].fullName"])
    }

    @Test func finishThrowsEveryErrorAtOnce() {
        var validation = Validation()
        validation.add(PersonNameError.empty, at: "fullName")
        validation.add(PhoneNumberError.landline, at: "phone")
        #expect(throws: ValidationFailure(errors: validation.errors)) { try validation.finish() }
        #expect(validation.errors.count == 2)
    }

    @Test func failureEncodesAsAListOfFieldErrors() throws {
        let failure = ValidationFailure(errors: [FieldError(field: "phone", problem: PhoneNumberError.landline)])
        let object = try JSONSerialization.jsonObject(with: JSONEncoder().encode(failure)) as? [String: Any]
        let errors = object?["errors"] as? [[String: Any]]
        #expect(errors?.count == 1)
        #expect(errors?.first?["field"] as? String == "phone")
        #expect(errors?.first?["code"] as? String == "phone.landline")
        #expect((errors?.first?["message"] as? [String: String])?.keys.sorted() == ["en", "vi"])
    }
}
