/// A Vietnamese mobile number that can receive SMS, normalised to E.164 (`+84912345678`).
///
/// Customers write the same number many ways — `0912345678`, `0912 345 678`, `091.234.5678`,
/// `84912345678`, `+84 912 345 678`, `(+84) 912-345-678`, `0084912345678`, and sometimes
/// `+84 0912…` or `912345678` — and duplicate detection, OTP delivery and look-up by phone
/// only work if they all become one value. Only mobile numbers are accepted: every use of a
/// customer's number here ends in an SMS (one-time codes, notices), so a landline is refused
/// with its own reason rather than accepted and silently never reached.
///
/// Personal data: `description`, `debugDescription`, interpolation and `dump` show the
/// `masked` form; the full number is `e164`. Not `Codable`, for the same reason as
/// `CitizenID`: encode `e164` explicitly.
public struct VietnamesePhoneNumber: Sendable, Hashable {
    /// The number in E.164 form, e.g. `+84912345678`. Personal data: do not log it.
    public let e164: String
    /// The network the number's code was allocated to (see `MobilePrefix`).
    public let carrier: String

    /// A form safe for logs: country code, two digits, stars, the last three digits —
    /// `+8491****678`.
    public var masked: String {
        var out: [UInt8] = []
        Self.appendMask(national: e164.utf8.dropFirst(3), to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Parses a number as a customer types it.
    ///
    /// - Parameter input: the number as entered.
    /// - Throws: `PhoneNumberError` naming the problem.
    public init(_ input: String) throws(PhoneNumberError) {
        var digits: [UInt8] = []
        digits.reserveCapacity(14)
        var hasPlus = false
        for scalar in input.unicodeScalars {
            switch scalar {
            case "0"..."9":
                digits.append(UInt8(scalar.value))
            case "+" where digits.isEmpty && !hasPlus:
                hasPlus = true
            case " ", ".", "-", "(", ")", "\t", "\u{00A0}":
                continue
            default:
                throw .invalidCharacters
            }
        }
        if digits.isEmpty { throw hasPlus ? .invalidCharacters : .empty }
        let entered = digits.count

        // Strip the international form down to the national significant number.
        var national = ArraySlice(digits)
        if !hasPlus, national.starts(with: Self.internationalPrefix) {
            national = national.dropFirst(2)
            hasPlus = true
        }
        if hasPlus {
            guard national.starts(with: Self.countryCode) else { throw .foreignNumber }
            national = national.dropFirst(2)
        } else if national.starts(with: Self.countryCode), national.count == 11 || national.count == 12 {
            national = national.dropFirst(2)
        }
        if national.first == UInt8(ascii: "0") {
            national = national.dropFirst()
        }

        guard let lead = national.first else { throw .wrongLength(digitCount: entered) }
        switch lead {
        case UInt8(ascii: "1"):
            if national.count == 10,
               let newCode = MobilePrefix.convertedIn2018["0" + String(decoding: national.prefix(3), as: UTF8.self)] {
                throw .obsoletePrefix(oldCode: "0" + String(decoding: national.prefix(3), as: UTF8.self), newCode: newCode)
            }
            throw .notMobile
        case UInt8(ascii: "2"):
            guard national.count == 10 else { throw .wrongLength(digitCount: entered) }
            throw .landline
        default:
            guard national.count == 9 else { throw .wrongLength(digitCount: entered) }
            let code = "0" + String(decoding: national.prefix(2), as: UTF8.self)
            guard let prefix = MobilePrefix.withCode(code) else { throw .unknownPrefix(code: code) }
            self.e164 = "+84" + String(decoding: national, as: UTF8.self)
            self.carrier = prefix.carrier
        }
    }

    /// Masks a national significant number (without trunk zero) as `+84` and the number with
    /// two leading and three trailing digits kept. Shared with `PersonalDataMask`, which must
    /// produce the same form.
    static func appendMask(national: some Collection<UInt8>, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "+"))
        out.append(UInt8(ascii: "8"))
        out.append(UInt8(ascii: "4"))
        let count = national.count
        for (offset, digit) in national.enumerated() {
            out.append(offset < 2 || offset >= count - 3 ? digit : UInt8(ascii: "*"))
        }
    }

    private static let internationalPrefix = Array("00".utf8)
    private static let countryCode = Array("84".utf8)
}

extension VietnamesePhoneNumber: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The masked form, so that `"\(phone)"` in a log line never leaks the number.
    public var description: String { masked }

    /// The masked form with the type, for the debugger and `debugPrint`.
    public var debugDescription: String { "VietnamesePhoneNumber(\(masked))" }

    /// Shows only the masked form to `dump` and other reflection.
    public var customMirror: Mirror {
        Mirror(self, children: ["masked": masked, "carrier": carrier], displayStyle: .struct)
    }
}
