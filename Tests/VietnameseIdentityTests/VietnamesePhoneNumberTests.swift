import Testing
import VietnameseIdentity

@Suite("VietnamesePhoneNumber")
struct VietnamesePhoneNumberTests {
    @Test(arguments: [
        "0912345678",
        "0912 345 678",
        "091 234 5678",
        "0912.345.678",
        "0912-345-678",
        "84912345678",
        "+84912345678",
        "+84 912 345 678",
        "+84-912-345-678",
        "(+84) 912 345 678",
        "0084 912 345 678",
        "+84 0912 345 678",
        "912345678",
        "  0912345678\t",
    ])
    func normalisesEveryUsualFormToE164(input: String) throws {
        #expect(try VietnamesePhoneNumber(input).e164 == "+84912345678")
    }

    @Test(arguments: [
        ("0386123456", "Viettel"), ("0961234567", "Viettel"), ("0862345678", "Viettel"),
        ("0812345678", "VinaPhone"), ("0885123456", "VinaPhone"), ("0941234567", "VinaPhone"),
        ("0701234567", "MobiFone"), ("0789123456", "MobiFone"), ("0898123456", "MobiFone"), ("0931234567", "MobiFone"),
        ("0521234567", "Vietnamobile"), ("0921234567", "Vietnamobile"),
        ("0591234567", "Gmobile"), ("0993123456", "Gmobile"),
        ("0877123456", "iTel"), ("0559123456", "Reddi"),
    ])
    func recognisesEachNetworksCodes(input: String, carrier: String) throws {
        #expect(try VietnamesePhoneNumber(input).carrier == carrier)
    }

    @Test func equalNumbersWrittenDifferentlyAreEqualValues() throws {
        #expect(try VietnamesePhoneNumber("0912.345.678") == VietnamesePhoneNumber("+84 912 345 678"))
    }

    @Test func rejectsLandlinesBecauseTheyCannotReceiveSMS() {
        #expect(throws: PhoneNumberError.landline) { try VietnamesePhoneNumber("0235 3812 345") }
        #expect(throws: PhoneNumberError.landline) { try VietnamesePhoneNumber("+84 24 3825 1234") }
    }

    @Test func landlineRejectionSaysWhyInBothLanguages() {
        let problem = PhoneNumberError.landline
        #expect(problem.code == "phone.landline")
        #expect(problem.message.vi == "Số điện thoại cố định không nhận được tin nhắn SMS, vui lòng nhập số di động")
        #expect(problem.message.en == "Landline numbers cannot receive SMS; please enter a mobile number")
    }

    @Test func rejectsForeignNumbers() {
        #expect(throws: PhoneNumberError.foreignNumber) { try VietnamesePhoneNumber("+1 202 555 0100") }
        #expect(throws: PhoneNumberError.foreignNumber) { try VietnamesePhoneNumber("0065 9123 4567") }
    }

    @Test func pointsOldElevenDigitNumbersToTheirNewPrefix() {
        #expect(throws: PhoneNumberError.obsoletePrefix(oldCode: "0168", newCode: "038")) {
            try VietnamesePhoneNumber("0168 999 3339")
        }
    }

    @Test func rejectsServiceNumbers() {
        #expect(throws: PhoneNumberError.notMobile) { try VietnamesePhoneNumber("1900 1909") }
        #expect(throws: PhoneNumberError.notMobile) { try VietnamesePhoneNumber("1800 1091") }
    }

    @Test func rejectsTenDigitNumbersWithAnUnallocatedPrefix() {
        #expect(throws: PhoneNumberError.unknownPrefix(code: "061")) { try VietnamesePhoneNumber("0612345678") }
        #expect(throws: PhoneNumberError.unknownPrefix(code: "080")) { try VietnamesePhoneNumber("0801234567") }
    }

    @Test func rejectsTooFewOrTooManyDigits() {
        #expect(throws: PhoneNumberError.wrongLength(digitCount: 9)) { try VietnamesePhoneNumber("091234567") }
        #expect(throws: PhoneNumberError.wrongLength(digitCount: 11)) { try VietnamesePhoneNumber("09123456789") }
    }

    @Test func rejectsLettersAndOtherSymbols() {
        #expect(throws: PhoneNumberError.invalidCharacters) { try VietnamesePhoneNumber("0912 345 67O") }
        #expect(throws: PhoneNumberError.invalidCharacters) { try VietnamesePhoneNumber("0912/345/678") }
        #expect(throws: PhoneNumberError.invalidCharacters) { try VietnamesePhoneNumber("09+12345678") }
    }

    @Test func rejectsBlankInput() {
        #expect(throws: PhoneNumberError.empty) { try VietnamesePhoneNumber(" ") }
    }

    @Test func masksAllButTwoLeadingAndThreeTrailingDigits() throws {
        #expect(try VietnamesePhoneNumber("0912345678").masked == "+8491****678")
    }

    @Test func neverPrintsTheFullNumber() throws {
        let phone = try VietnamesePhoneNumber("0912345678")
        struct Contact { let phone: VietnamesePhoneNumber }
        var dumped = ""
        dump(Contact(phone: phone), to: &dumped)
        for rendering in ["\(phone)", String(reflecting: phone), "\(Contact(phone: phone))", dumped] {
            #expect(!rendering.contains("912345678"), "\(rendering)")
            #expect(rendering.contains("+8491****678"), "\(rendering)")
        }
    }

    @Test func everyPrefixInTheTableIsThreeDigitsStartingWithZero() {
        #expect(Set(MobilePrefix.all.map(\.code)).count == MobilePrefix.all.count)
        for prefix in MobilePrefix.all {
            #expect(prefix.code.count == 3 && prefix.code.hasPrefix("0") && prefix.code.allSatisfy(\.isNumber))
        }
    }

    @Test func everyConvertedPrefixLeadsToACodeInTheTable() {
        for (old, new) in MobilePrefix.convertedIn2018 {
            #expect(old.count == 4 && old.hasPrefix("01"))
            #expect(MobilePrefix.withCode(new) != nil, "\(old) → \(new)")
        }
    }
}
