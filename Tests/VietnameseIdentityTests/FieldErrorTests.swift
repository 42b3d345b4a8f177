import Foundation
import Testing
import VietnameseIdentity

@Suite("FieldError")
struct FieldErrorTests {
    @Test func encodesAsFieldCodeAndBilingualMessage() throws {
        let error = FieldError(field: "applicant.idNumber", problem: CitizenIDError.unknownProvince(code: "099"))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = String(decoding: try encoder.encode(error), as: UTF8.self)
        #expect(json == #"{"code":"id_number.invalid_province","field":"applicant.idNumber","message":{"en":"Invalid citizen ID: province code 099 does not exist","vi":"Số CCCD không hợp lệ: mã tỉnh 099 không tồn tại"}}"#)
    }

    @Test func decodesWhatItEncodes() throws {
        let error = FieldError(field: "households[1].phone", problem: PhoneNumberError.landline)
        let decoded = try JSONDecoder().decode(FieldError.self, from: JSONEncoder().encode(error))
        #expect(decoded == error)
    }

    @Test func takesCodeAndMessageFromTheProblem() {
        let error = FieldError(field: "fullName", problem: PersonNameError.tooShort)
        #expect(error.code == "name.too_short")
        #expect(error.message == PersonNameError.tooShort.message)
    }

    @Test func everyCodeIsLowercaseDottedSnakeCase() {
        let problems: [any FieldProblem] = [
            CitizenIDError.empty, CitizenIDError.notDigits, CitizenIDError.wrongLength(digitCount: 1),
            CitizenIDError.unknownProvince(code: "099"), CitizenIDError.birthYearInFuture(year: 2030),
            CitizenIDError.birthYearTooOld(year: 1890),
            PhoneNumberError.empty, PhoneNumberError.invalidCharacters, PhoneNumberError.wrongLength(digitCount: 3),
            PhoneNumberError.foreignNumber, PhoneNumberError.landline, PhoneNumberError.unknownPrefix(code: "061"),
            PhoneNumberError.obsoletePrefix(oldCode: "0168", newCode: "038"), PhoneNumberError.notMobile,
            PersonNameError.empty, PersonNameError.tooShort, PersonNameError.tooLong,
            PersonNameError.invalidCharacter("1"), PersonNameError.misplacedPunctuation,
        ]
        let allowed = Set("abcdefghijklmnopqrstuvwxyz_.")
        for problem in problems {
            #expect(problem.code.allSatisfy(allowed.contains), "\(problem.code)")
            #expect(!problem.message.vi.isEmpty && !problem.message.en.isEmpty)
        }
        #expect(Set(problems.map(\.code)).count == problems.count)
    }
}
