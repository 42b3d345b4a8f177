import Contracts
import Foundation
import ServiceAreas
import VietnameseIdentity
import WorkingCalendar

/// The formats of intake's public fields, each a parser and the JSON Schema that says what it
/// takes. Each schema is built in a function of its own, called only when the API document
/// is: a form checked needs the parsers alone, and the ID number's pattern (every province,
/// every birth year) cost a tenth of a filing's CPU at intake.
extension FieldFormat where Value == String {
    /// Free text (``FreeText``): no control character inside, at most `maximum` characters
    /// once the white space around it is trimmed.
    static func text(maximum: Int) -> FieldFormat {
        FieldFormat(schema: textSchema(maximum: maximum)) {
            (text: String) throws(IntakeProblem) in try IntakeFields.text(text, maximum: maximum)
        }
    }

    private static func textSchema(maximum: Int) -> JSONValue {
        let space = SchemaPattern.whiteSpace, inner = "[^\(SchemaPattern.controls)\(space)]"
        let body = "\(inner)(?:[^\(SchemaPattern.controls)]{0,\(maximum - 2)}\(inner))?"
        return SchemaPattern.string("^[\(space)]*\(body)[\(space)]*$")
    }

    /// The call-centre system's operator id: 1 to 64 ASCII letters, digits, `.`, `_`, `-`.
    static var operatorId: FieldFormat {
        FieldFormat(
            schema: SchemaPattern.string(SchemaPattern.trimmed("[A-Za-z0-9._-]{1,\(IntakeFields.maximumOperatorIdLength)}"),
                                         examples: ["tdv-042"]),
            parse: IntakeFields.operatorId)
    }

    /// An e-mail address as ``IntakeFields/email(_:)`` checks its shape.
    static var email: FieldFormat {
        FieldFormat(schema: emailSchema, parse: IntakeFields.email)
    }

    private static var emailSchema: JSONValue {
        let other = "[^@\(SchemaPattern.whiteSpace)]", label = "[^@.\(SchemaPattern.whiteSpace)]"
        let address = "\(other)+@\(label)\(other)*\\.\(other)*\(label)"
        return SchemaPattern.string(SchemaPattern.trimmed(address), examples: ["an.nguyen@example.vn"])
            .adding(["maxLength": .integer(IntakeFields.maximumEmailLength)])
    }

    /// A request code or a households' reference: 1 to 40 ASCII letters, digits or `-`.
    static var reference: FieldFormat {
        FieldFormat(
            schema: SchemaPattern.string(SchemaPattern.trimmed("[A-Za-z0-9-]{1,\(ServiceRequestValidator.maximumReferenceLength)}"),
                                         examples: ["SH-1042"]),
            parse: ServiceRequestValidator.reference)
    }
}

extension FieldFormat where Value: RawRepresentable & CaseIterable & Sendable, Value.RawValue == String {
    /// One of `choices` (all cases by default), written exactly.
    static func choice(_ choices: [Value] = Array(Value.allCases)) -> FieldFormat {
        FieldFormat(schema: ["type": "string", "enum": .array(choices.map { .string($0.rawValue) })]) {
            (text: String) throws(IntakeProblem) in
            guard let value = Value(rawValue: text), choices.contains(where: { $0.rawValue == text }) else {
                throw .invalidChoice(allowed: choices.map(\.rawValue))
            }
            return value
        }
    }
}

extension FieldFormat where Value == PersonName {
    /// A name as on an ID card (``PersonName``): letters, with spaces, apostrophes and hyphens
    /// between them; two characters at least, so one word is two letters or more. The pattern
    /// spells out the Latin letters, Vietnamese's included, and their combining marks; the
    /// parser also takes letters of other scripts, which a pattern of every script's letters
    /// would describe at a cost no client could generate from.
    static var personName: FieldFormat {
        FieldFormat(schema: personNameSchema, parse: PersonName.init)
    }

    private static var personNameSchema: JSONValue {
        let space = "[\(SchemaPattern.whiteSpace)]", mark = "['\u{2019}\u{02BC}-]"
        let letter = #"(?:[A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F\u1E00-\u1EFF][\u0300-\u036F]*)"#
        let joined = "(?:\(mark)\(letter)+)"
        let word = "\(letter)+\(joined)*", longWord = "\(letter){2,}\(joined)*|\(letter)\(joined)+"
        return SchemaPattern.string("^\(space)*(?:(?:\(longWord))(?:\(space)+\(word))*|\(word)(?:\(space)+\(word))+)\(space)*$",
                                    examples: ["Nguyễn Văn An"])
            .adding(["maxLength": .integer(PersonName.maximumLength)])
    }
}

extension FieldFormat where Value == CitizenID {
    /// A 12-digit citizen ID (its province code and a birth year within ``CitizenID/maximumAge``
    /// years of `date`'s year in Vietnam) or a 9-digit legacy ID; white space anywhere is ignored.
    static func idNumber(asOf date: Date) -> FieldFormat {
        FieldFormat(schema: idNumberSchema(asOf: date),
                    parse: { (text: String) throws(CitizenIDError) in try CitizenID(text, asOf: date) })
    }

    private static func idNumberSchema(asOf date: Date) -> JSONValue {
        let gap = "[\(SchemaPattern.whiteSpace)]*"
        let digit = "[0-9]\(gap)"
        let provinces = BirthProvince.all.map { $0.code.map { "\($0)\(gap)" }.joined() }.joined(separator: "|")
        let thisYear = CalendarDay(date).year
        let years = stride(from: 1900, through: 2399, by: 100).compactMap { century -> String? in
            let first = max(century, thisYear - CitizenID.maximumAge), last = min(century + 99, thisYear)
            guard first <= last else { return nil }
            let centuryDigits = (century - 1900) / 100 * 2
            return "[\(centuryDigits)\(centuryDigits + 1)]\(gap)(?:\(SchemaPattern.twoDigits(first - century...last - century, gap: gap)))"
        }.joined(separator: "|")
        let citizenID = "(?:\(provinces))(?:\(years))(?:\(digit)){6}"
        return SchemaPattern.string("^\(gap)(?:\(citizenID)|(?:\(digit)){9})$", examples: ["049088012345"])
    }
}

extension FieldFormat where Value == VietnamesePhoneNumber {
    /// A Vietnamese mobile as customers write it (``VietnamesePhoneNumber``): a mobile code in
    /// use and seven digits, after `+84`, `84`, `0084` or `0`, with spaces, dots, dashes or
    /// brackets anywhere.
    static var phone: FieldFormat {
        FieldFormat(schema: phoneSchema, parse: VietnamesePhoneNumber.init)
    }

    private static var phoneSchema: JSONValue {
        let gap = #"[ .\-()\t\xA0]*"#
        let codes = MobilePrefix.all.map { $0.code.dropFirst().map { "\($0)\(gap)" }.joined() }
        let country = "8\(gap)4\(gap)(?:0\(gap))?"
        let prefix = "\\+\(gap)\(country)|0\(gap)0\(gap)\(country)|\(country)|0\(gap)"
        let pattern = "^\(gap)(?:\(prefix))?(?:\(codes.joined(separator: "|")))(?:[0-9]\(gap)){7}$"
        return SchemaPattern.string(pattern, examples: ["0912 345 678", "+84912345678"])
    }
}

extension FieldFormat where Value == CustomerCode {
    /// A customer code of a branch of `areas`: its six-letter branch code and up to 14 more
    /// letters or digits, any case. The example is of the first commune's branch, as the
    /// commune's example is that commune.
    static func servedCustomerCode(in areas: ServiceAreaTable) -> FieldFormat {
        FieldFormat(schema: SchemaPattern.string(customerCodePattern(of: Set(areas.areas.map(\.branch.code)).sorted()),
                                                 examples: areas.areas.prefix(1).map { $0.branch.code + "0012345" })) {
            (text: String) throws(IntakeProblem) in try IntakeFields.servedCustomerCode(text, in: areas)
        }
    }

    /// Any customer code (``CustomerCode``): 5 to 20 letters or digits.
    static var customerCode: FieldFormat {
        FieldFormat(
            schema: SchemaPattern.string(SchemaPattern.trimmed("[A-Za-z0-9]{5,20}"), examples: ["PC05TK0012345"])) {
                (text: String) throws(IntakeProblem) in
                guard let code = CustomerCode(text) else { throw .customerCodeFormat }
                return code
            }
    }

    /// The pattern of a customer code of one of `branches`.
    static func customerCodePattern(of branches: [String]) -> String {
        let tail = CustomerCode.branchCodeLength
        return SchemaPattern.trimmed(
            "(?:\(branches.map(SchemaPattern.caseless).joined(separator: "|")))[A-Za-z0-9]{0,\(20 - tail)}")
    }
}

extension FieldFormat where Value == ServiceArea {
    /// The code of a commune `areas` serve.
    static func servedCommune(in areas: ServiceAreaTable) -> FieldFormat {
        FieldFormat(schema: SchemaPattern.string(communePattern(of: areas.areas.map(\.communeCode)),
                                                 examples: areas.areas.prefix(1).map(\.communeCode))) {
            (code: String) throws(IntakeProblem) in try IntakeFields.servedArea(code, in: areas)
        }
    }

    /// The pattern of one of the commune codes `codes`.
    static func communePattern(of codes: [String]) -> String {
        SchemaPattern.trimmed(SchemaPattern.alternatives(codes))
    }
}

extension FieldFormat where Value == SigningCode {
    /// The six digits sent by SMS; white space is ignored.
    static var signingCode: FieldFormat {
        FieldFormat(
            schema: SchemaPattern.string("^[\(SchemaPattern.whiteSpace)]*(?:[0-9][\(SchemaPattern.whiteSpace)]*){6}$",
                                         examples: ["123456"]),
            parse: SigningCode.init(typed:))
    }
}

extension FieldFormat where Value == Int {
    /// A whole number, 0 or more, written in ASCII digits.
    static var wholeNumber: FieldFormat {
        FieldFormat(schema: SchemaPattern.string(SchemaPattern.trimmed("[0-9]+"), examples: ["350"])) {
            (text: String) throws(IntakeProblem) in
            guard let number = Int(text.trimmingCharacters(in: .whitespaces)), number >= 0 else { throw .wholeNumber }
            return number
        }
    }
}

extension FieldFormat where Value == Bool {
    /// `true` or `false`.
    static var flag: FieldFormat {
        FieldFormat(schema: ["type": "string", "enum": ["true", "false"]]) {
            (text: String) throws(IntakeProblem) in
            switch text {
            case "true": return true
            case "false": return false
            default: throw .invalidChoice(allowed: ["true", "false"])
            }
        }
    }
}

extension FieldFormat {
    /// A day written `YYYY-MM-DD`, read by `day` (``IntakeProblem/dayFormat`` when it refuses);
    /// the year 0000 only when `yearZero`.
    static func day(yearZero: Bool = false, _ day: @escaping @Sendable (String) -> Value?) -> FieldFormat {
        FieldFormat(schema: daySchema(yearZero: yearZero)) { (text: String) throws(IntakeProblem) in
            guard let value = day(text.trimmingCharacters(in: .whitespaces)) else { throw .dayFormat }
            return value
        }
    }

    private static func daySchema(yearZero: Bool) -> JSONValue {
        let monthDay = "(?:0[1-9]|1[0-2])-(?:0[1-9]|1[0-9]|2[0-8])|(?:0[13-9]|1[0-2])-(?:29|30)|(?:0[13578]|1[02])-31"
        let year = yearZero ? "[0-9]{4}" : "[0-9]{3}[1-9]|[0-9]{2}[1-9]0|[0-9][1-9]00|[1-9]000"
        let leapCentury = yearZero ? "[02468][048]|[13579][26]" : "0[48]|[2468][048]|[13579][26]"
        let leapYear = "[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:\(leapCentury))00"
        let pattern = SchemaPattern.trimmed("(?:\(year))-(?:\(monthDay))|(?:\(leapYear))-02-29")
        return SchemaPattern.string(pattern, examples: ["2026-12-10"])
    }
}
