import Foundation
import Testing
import VietnameseIdentity

@Suite("CitizenID")
struct CitizenIDTests {
    let now = TestDates.midJune2025

    @Test func parsesProvinceSexAndBirthYearOfAManBornIn1988InHoChiMinhCity() throws {
        let id = try CitizenID("079088012345", asOf: now)
        #expect(id.kind == .citizenID)
        #expect(id.birthProvince == BirthProvince(code: "079", name: "Hồ Chí Minh"))
        #expect(id.sex == .male)
        #expect(id.birthYear == 1988)
        #expect(id.isLegacy == false)
    }

    @Test func parsesAWomanBornIn2001InQuangNam() throws {
        let id = try CitizenID("049301234567", asOf: now)
        #expect(id.birthProvince?.name == "Quảng Nam")
        #expect(id.sex == .female)
        #expect(id.birthYear == 2001)
    }

    @Test func parsesAWomanBornInThe20thCentury() throws {
        let id = try CitizenID("048195001122", asOf: now)
        #expect(id.birthProvince?.name == "Đà Nẵng")
        #expect(id.sex == .female)
        #expect(id.birthYear == 1995)
    }

    @Test func acceptsABabyBornThisYear() throws {
        let id = try CitizenID("001225000123", asOf: now)
        #expect(id.birthYear == 2025)
        #expect(id.sex == .male)
    }

    @Test func ignoresSpacesAroundAndBetweenDigitGroups() throws {
        let id = try CitizenID("  079 088 012 345 ", asOf: now)
        #expect(id.unmaskedDigits == "079088012345")
    }

    @Test func acceptsTheNineDigitLegacyIDAndFlagsIt() throws {
        let id = try CitizenID("201234567", asOf: now)
        #expect(id.kind == .legacyPeopleID)
        #expect(id.isLegacy)
        #expect(id.birthProvince == nil)
        #expect(id.sex == nil)
        #expect(id.birthYear == nil)
    }

    @Test func rejectsBlankInput() {
        #expect(throws: CitizenIDError.empty) { try CitizenID("   ", asOf: now) }
    }

    @Test func rejectsLettersAndPunctuation() {
        #expect(throws: CitizenIDError.notDigits) { try CitizenID("079-088-012345", asOf: now) }
        #expect(throws: CitizenIDError.notDigits) { try CitizenID("O79088012345", asOf: now) }
    }

    @Test func rejectsNonASCIIDigits() {
        #expect(throws: CitizenIDError.notDigits) { try CitizenID("０７９０８８０１２３４５", asOf: now) }
    }

    @Test(arguments: ["07908801234", "0790880123456", "12345678", "1234567890"])
    func rejectsLengthsOtherThanNineOrTwelve(input: String) {
        #expect(throws: CitizenIDError.wrongLength(digitCount: input.count)) { try CitizenID(input, asOf: now) }
    }

    @Test func rejectsAProvinceCodeThatDoesNotExist() {
        #expect(throws: CitizenIDError.unknownProvince(code: "099")) { try CitizenID("099088012345", asOf: now) }
        #expect(throws: CitizenIDError.unknownProvince(code: "003")) { try CitizenID("003088012345", asOf: now) }
    }

    @Test func rejectsABirthYearLaterThisCentury() {
        #expect(throws: CitizenIDError.birthYearInFuture(year: 2030)) { try CitizenID("001230012345", asOf: now) }
    }

    @Test func rejectsCenturyDigitsOfTheNextCenturies() {
        #expect(throws: CitizenIDError.birthYearInFuture(year: 2125)) { try CitizenID("001425012345", asOf: now) }
        #expect(throws: CitizenIDError.birthYearInFuture(year: 2388)) { try CitizenID("001988012345", asOf: now) }
    }

    @Test func rejectsABirthYearMoreThan120YearsAgo() {
        #expect(throws: CitizenIDError.birthYearTooOld(year: 1901)) { try CitizenID("001001012345", asOf: now) }
    }

    @Test func acceptsABirthYearExactly120YearsAgo() throws {
        #expect(try CitizenID("001005012345", asOf: now).birthYear == 1905)
    }

    @Test func takesTheReferenceYearInVietnamTime() throws {
        // 31 Dec 2025 18:00 UTC is already 2026 in Hà Nội.
        #expect(try CitizenID("001226000123", asOf: TestDates.newYear2026InHanoi).birthYear == 2026)
    }

    @Test func masksAllButProvinceCodeAndLastTwoDigits() throws {
        #expect(try CitizenID("079088012345", asOf: now).masked == "079*******45")
    }

    @Test func masksALegacyIDKeepingTwoLeadingAndTwoTrailingDigits() throws {
        #expect(try CitizenID("201234567", asOf: now).masked == "20*****67")
    }

    @Test func neverPrintsTheFullNumber() throws {
        let id = try CitizenID("079088012345", asOf: now)
        struct Household { let id: CitizenID }
        var dumped = ""
        dump(Household(id: id), to: &dumped)
        let renderings = [
            "\(id)", id.description, id.debugDescription, String(reflecting: id),
            "\(Household(id: id))", String(reflecting: Household(id: id)), dumped,
        ]
        for rendering in renderings {
            #expect(!rendering.contains("079088012345"), "\(rendering)")
            #expect(rendering.contains("079*******45"), "\(rendering)")
        }
    }

    @Test func errorMessagesNameTheProblemInVietnameseAndEnglish() {
        let problem = CitizenIDError.unknownProvince(code: "099")
        #expect(problem.code == "id_number.invalid_province")
        #expect(problem.message.vi == "Số CCCD không hợp lệ: mã tỉnh 099 không tồn tại")
        #expect(problem.message.en == "Invalid citizen ID: province code 099 does not exist")
    }

    @Test func everyErrorHasItsOwnStableCode() {
        let errors: [CitizenIDError] = [
            .empty, .notDigits, .wrongLength(digitCount: 3), .unknownProvince(code: "099"),
            .birthYearInFuture(year: 2030), .birthYearTooOld(year: 1890),
        ]
        #expect(Set(errors.map(\.code)).count == errors.count)
        #expect(errors.allSatisfy { $0.code.hasPrefix("id_number.") })
    }
}
