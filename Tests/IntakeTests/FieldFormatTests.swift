import Contracts
import Foundation
@testable import Intake
import ServiceAreas
import Tariff
import Testing
import WorkingCalendar

/// Each field format's JSON Schema (what the API document shows) takes exactly the values its
/// parser (what the validator runs) takes, on the usual forms and the edges of each rule.
@Suite struct FieldFormatTests {
    static let areas = ServiceAreaTable.builtIn

    @Test func aPhoneIsDescribedAsItsParserReadsIt() {
        Self.expectAgreement(.phone, accepted: [
            "0912345678", "0912 345 678", "091.234.5678", "84912345678", "+84 912 345 678", "(+84) 912-345-678",
            "0084912345678", "+84 0912345678", "912345678", "0868\u{00A0}123\t456", "841234567",
        ], refused: [
            "02363 822 222", "0123 456 7890", "+1 202 555 0100", "0912 345 67", "0912 345 6789", "09123a5678",
            "0912\n345678", "+84+912345678", "0191 234 567", "0812-34-56-7", "8491234567",
        ])
    }

    @Test func anIDNumberIsDescribedWithItsProvincesAndPlausibleBirthYears() {
        let now = Date(timeIntervalSince1970: 1_780_000_000)
        let thisYear = CalendarDay(now).year
        let century = { (year: Int) in String((year - 1900) / 100 * 2) + String(format: "%02d", year % 100) }
        Self.expectAgreement(.idNumber(asOf: now), accepted: [
            "049088012345", "049 088 012 345", "001\(century(thisYear))012345", "079\(century(thisYear - 120))000001",
            "123456789", " 12345 6789 ", "049188012345",
        ], refused: [
            "04908801234", "999088012345", "049\(century(thisYear + 1))012345", "079\(century(thisYear - 121))000001",
            "04908801234a", "0490880123456", "12345678",
        ])
    }

    @Test func aNameIsLettersWithSpacesApostrophesAndHyphensBetween() {
        Self.expectAgreement(.personName, accepted: [
            "Nguyễn Văn An", "Nguye\u{0302}\u{0303}n Văn An", "O'Brien", "Hoàng-Anh", "H\u{2019}Hen Niê", "Lò   Văn Pành", "An",
        ], refused: ["A", "An2", "-An", "An-", "An - Bình", "An''Bình", "An_Bình", "An!", " B "])
    }

    @Test func anEmailAddressIsDescribedByTheShapeTheValidatorChecks() {
        Self.expectAgreement(.email, accepted: ["an.nguyen@example.vn", " an@example.vn ", "a@b.c", "a..b@c..d"],
                             refused: ["an", "an@example", "an@.example.vn", "an@example.vn.", "a n@example.vn",
                                       "a@b@c.d", "@example.vn", "an@example.vn\n"])
    }

    @Test func freeTextIsBoundedOnceTrimmedAndHasNoControlCharacter() {
        Self.expectAgreement(.text(maximum: 10), accepted: ["Quảng Nam", "  padded  ", "0123456789", " 0123456789\n", "x"],
                             refused: ["01234567890", "a\u{0007}b", "line\nbreak", "tab\there"])
    }

    @Test func identifiersAndCodesAreDescribedAsTheirParsersReadThem() {
        Self.expectAgreement(.signingCode, accepted: ["123456", "123 456", " 1 2 3 4 5 6 "],
                             refused: ["12345", "1234567", "12345a", "\u{FF11}23456"])
        Self.expectAgreement(.operatorId, accepted: ["tdv-042", " op.7_x ", String(repeating: "a", count: 64)],
                             refused: [String(repeating: "a", count: 65), "tdv 042", "tđv"])
        Self.expectAgreement(.reference, accepted: ["SH-1042", "sh-1042", " PC05TK-251124-000123 "],
                             refused: ["SH 1042", "SH_1042", String(repeating: "A", count: 41)])
        Self.expectAgreement(.servedCustomerCode(in: Self.areas),
                             accepted: ["PC05TK0012345", "pc05tk0012345", " PCDNHC1 ", "PC05TK"],
                             refused: ["PC99XX0012345", "PC05TK-0012345", "PC05TK123456789012345", "PC05T"])
        Self.expectAgreement(.servedCommune(in: Self.areas), accepted: ["20350", " 20419 "], refused: ["99999", "2035", "203500"])
        Self.expectAgreement(.wholeNumber, accepted: ["0", "350", " 42 "], refused: ["-1", "3.5", "1e3", "x"])
        Self.expectAgreement(.flag, accepted: ["true", "false"], refused: ["TRUE", "1", "yes"])
        Self.expectAgreement(.choice([RequestKind.meterSplit, .changeOfHolder]), accepted: ["meter_split", "change_of_holder"],
                             refused: ["new_lv_connection", "Meter_split", "meter_split "])
    }

    @Test func aDayIsAReadDateOfTheCalendar() {
        let day = FieldFormat<TariffDay>.day { (text: String) -> TariffDay? in TariffDay(text) }
        Self.expectAgreement(day, accepted: ["2026-12-10", " 2024-02-28 ", "2024-02-29", "2000-02-29", "2026-01-31", "0001-01-01"],
                             refused: ["2026-02-30", "2026-02-29", "1900-02-29", "2026-13-01", "26-12-10", "2026-12-1",
                                       "2026-04-31", "0000-01-01"])
    }

    // MARK: Holding a schema to a parser

    /// Every sample is accepted by the format's schema exactly when its parser accepts it.
    static func expectAgreement<Value>(
        _ format: FieldFormat<Value>, accepted: [String], refused: [String], sourceLocation: SourceLocation = #_sourceLocation
    ) {
        for (samples, expected) in [(accepted, true), (refused, false)] {
            for sample in samples {
                let parsed = (try? format.parse(sample)) != nil
                #expect(parsed == expected, "parser on \(sample.debugDescription)", sourceLocation: sourceLocation)
                #expect(schema(format.schema, accepts: sample) == expected, "schema on \(sample.debugDescription)",
                        sourceLocation: sourceLocation)
            }
        }
    }

    /// Whether `value` passes the string schema's `pattern`, `minLength`, `maxLength` and `enum`
    /// as JSON Schema reads them (lengths in code points).
    static func schema(_ schema: JSONValue, accepts value: String) -> Bool {
        guard case .object(let keywords) = schema else { return false }
        if case .string(let pattern) = keywords["pattern"] {
            let whole = NSRange(value.startIndex..., in: value)
            guard try! NSRegularExpression(pattern: pattern).firstMatch(in: value, range: whole)?.range == whole else {
                return false
            }
        }
        if case .integer(let minimum) = keywords["minLength"], value.unicodeScalars.count < minimum { return false }
        if case .integer(let maximum) = keywords["maxLength"], value.unicodeScalars.count > maximum { return false }
        if case .array(let choices) = keywords["enum"], !choices.contains(.string(value)) { return false }
        return true
    }
}
