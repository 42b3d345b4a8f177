import Foundation
import WorkingCalendar

/// A Vietnamese personal ID number: the 12-digit citizen ID (*CCCD*, *số định danh cá nhân*)
/// or the legacy 9-digit people's ID card (*CMND*) still found in old dossiers.
///
/// Structure of the 12 digits (Decree 137/2015/NĐ-CP art. 13, Circular 07/2016/TT-BCA
/// art. 7; the Identity Law 2023 art. 12 keeps the 12-digit number):
///
/// | digits | meaning |
/// |---|---|
/// | 1–3 | province where the birth was registered (`BirthProvince`) |
/// | 4 | century of birth and sex: 0/1 = male/female born 1900–1999, 2/3 = 2000–2099, 4/5 = 2100–2199, 6/7 = 2200–2299, 8/9 = 2300–2399 |
/// | 5–6 | last two digits of the birth year |
/// | 7–12 | random |
///
/// There is no check digit, so a well-formed number can still belong to nobody; what can be
/// checked is checked here: the province code exists and the birth year is plausible.
///
/// The number is personal data (Decree 13/2023/NĐ-CP). `description`, `debugDescription`,
/// string interpolation, `dump` and `Mirror` all show the `masked` form; the full number is
/// only reachable through `unmaskedDigits`, so every place that stores or sends it is easy to
/// find in review. For the same reason the type is not `Codable`: encode `unmaskedDigits`
/// explicitly where a message must carry the number.
public struct CitizenID: Sendable, Hashable {
    /// Which kind of document the number comes from.
    public enum Kind: Sendable, Hashable {
        /// The 12-digit number of the citizen identity card (*căn cước*, *CCCD*).
        case citizenID
        /// The 9-digit number of the legacy people's identity card (*CMND*). It encodes no
        /// birth data that can be checked, and the card is no longer issued.
        case legacyPeopleID
    }

    /// The holder's sex as encoded in the fourth digit.
    public enum Sex: String, Sendable, Hashable {
        case male
        case female
    }

    /// The oldest age accepted, in years: older birth years are taken as typing errors.
    public static let maximumAge = 120

    /// The full number, digits only. Personal data: do not log, store it protected.
    public let unmaskedDigits: String
    /// Whether this is a citizen ID or a legacy people's ID.
    public let kind: Kind
    /// Where the birth was registered; `nil` for a legacy people's ID.
    public let birthProvince: BirthProvince?
    /// The holder's sex; `nil` for a legacy people's ID.
    public let sex: Sex?
    /// The holder's birth year; `nil` for a legacy people's ID.
    public let birthYear: Int?

    /// True for the 9-digit legacy people's ID, which the caller may want to flag (ask the
    /// customer for the current citizen ID, treat duplicate checks as weaker).
    public var isLegacy: Bool { kind == .legacyPeopleID }

    /// A form safe for logs and operator screens: the first three digits (the province
    /// code, not secret by itself) and the last two, the rest as `*` — `079*******34`.
    /// A legacy ID keeps two leading digits: `12*****89`.
    public var masked: String {
        var out: [UInt8] = []
        Self.appendMask(of: unmaskedDigits.utf8, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Parses and checks an ID number as a customer types it.
    ///
    /// Whitespace anywhere is ignored (`079 088 001 234` is accepted); anything else that is
    /// not an ASCII digit is rejected.
    ///
    /// - Parameters:
    ///   - input: the number as entered.
    ///   - referenceDate: the date birth years are checked against (not in the future, not
    ///     more than `maximumAge` years before); the year is taken in Vietnam's time zone.
    /// - Throws: `CitizenIDError` naming the first problem found.
    public init(_ input: String, asOf referenceDate: Date) throws(CitizenIDError) {
        var digits: [UInt8] = []
        digits.reserveCapacity(12)
        for scalar in input.unicodeScalars {
            if scalar.properties.isWhitespace { continue }
            guard scalar.isASCII, (0x30...0x39).contains(scalar.value) else { throw .notDigits }
            digits.append(UInt8(scalar.value))
        }
        if digits.isEmpty { throw .empty }
        let text = String(decoding: digits, as: UTF8.self)

        switch digits.count {
        case 9:
            self.unmaskedDigits = text
            self.kind = .legacyPeopleID
            self.birthProvince = nil
            self.sex = nil
            self.birthYear = nil
        case 12:
            let code = String(text.prefix(3))
            guard let province = BirthProvince.withCode(code) else { throw .unknownProvince(code: code) }
            let centuryDigit = Int(digits[3] - 0x30)
            let yearInCentury = Int(digits[4] - 0x30) * 10 + Int(digits[5] - 0x30)
            let year = 1900 + (centuryDigit / 2) * 100 + yearInCentury
            let referenceYear = Self.vietnameseCalendar.component(.year, from: referenceDate)
            guard year <= referenceYear else { throw .birthYearInFuture(year: year) }
            guard year >= referenceYear - Self.maximumAge else { throw .birthYearTooOld(year: year) }
            self.unmaskedDigits = text
            self.kind = .citizenID
            self.birthProvince = province
            self.sex = centuryDigit.isMultiple(of: 2) ? .male : .female
            self.birthYear = year
        default:
            throw .wrongLength(digitCount: digits.count)
        }
    }

    /// Masks an ID number's ASCII digits: 12 digits keep 3 leading and 2 trailing, 9 digits
    /// keep 2 and 2. Shared with `PersonalDataMask`, which must produce the same form.
    static func appendMask(of digits: some Collection<UInt8>, to out: inout [UInt8]) {
        let count = digits.count
        let kept = count >= 12 ? 3 : 2
        for (offset, digit) in digits.enumerated() {
            out.append(offset < kept || offset >= count - 2 ? digit : UInt8(ascii: "*"))
        }
    }

    /// Gregorian calendar in Vietnam's time zone (UTC+7, no daylight saving): the birth year
    /// limit turns over at midnight in Hà Nội, not in UTC.
    private static let vietnameseCalendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = CalendarDay.vietnamTimeZone
        return calendar
    }()
}

extension CitizenID: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The masked form, so that `"\(id)"` in a log line never leaks the number.
    public var description: String { masked }

    /// The masked form with the kind, for the debugger and `debugPrint`.
    public var debugDescription: String {
        "CitizenID(\(masked)\(isLegacy ? ", legacy" : ""))"
    }

    /// Shows only the masked form to `dump` and other reflection.
    public var customMirror: Mirror {
        Mirror(self, children: ["masked": masked, "kind": kind], displayStyle: .struct)
    }
}
