/// Deciding what a run of digits is — a legacy or citizen ID, a mobile or landline number — from
/// its length and first digits.
extension PersonalDataMask {
    /// The number of digits read and the values of the first five, which are all that
    /// classifying a number needs; kept in registers rather than a buffer.
    struct LeadingDigits {
        private var packed: UInt64 = 0
        private(set) var count = 0

        @inline(__always)
        mutating func append(_ asciiDigit: UInt8) {
            if count < 5 { packed |= UInt64(asciiDigit &- 0x30) << (8 * UInt64(count)) }
            count += 1
        }

        /// The value (0–9) of digit `offset`, for `offset < 5`.
        @inline(__always)
        subscript(offset: Int) -> UInt8 {
            UInt8(truncatingIfNeeded: packed >> (8 * UInt64(offset)))
        }
    }

    /// Decides what the digits read are, if anything.
    static func classify(_ d: LeadingDigits, international: Bool, grouped: Bool) -> Kind? {
        if international {
            guard d[0] == 8, d[1] == 4 else { return nil }
            if d.count == 11 && isMobile(d[2], d[3]) { return .phone(nationalStart: 2) }
            if d.count == 12 && d[2] == 2 { return .phone(nationalStart: 2) }
            if d.count == 12 && d[2] == 0 && isMobile(d[3], d[4]) { return .phone(nationalStart: 3) }
            return nil
        }
        switch d.count {
        case 9:
            return !grouped || d[0] == 0 ? .idNumber : nil
        case 10:
            return d[0] == 0 && isMobile(d[1], d[2]) ? .phone(nationalStart: 1) : nil
        case 11:
            if d[0] == 0 && (d[1] == 2 || isPre2018Mobile(d[1], d[2])) { return .phone(nationalStart: 1) }
            if d[0] == 8 && d[1] == 4 && isMobile(d[2], d[3]) { return .phone(nationalStart: 2) }
            return nil
        case 12:
            return d[0] == 0 ? .idNumber : nil
        default:
            return nil
        }
    }

    /// Whether the two digit values after the trunk zero are a mobile code (`MobilePrefix`).
    @inline(__always)
    static func isMobile(_ first: UInt8, _ second: UInt8) -> Bool {
        mobileCodes[Int(first) * 10 + Int(second)]
    }

    /// Whether the digit values `1`, `x` open an 11-digit mobile number from before 2018.
    @inline(__always)
    static func isPre2018Mobile(_ first: UInt8, _ second: UInt8) -> Bool {
        first == 1 && pre2018Codes[Int(second)]
    }

    /// Indexed by the two digits after the trunk zero (`91` for 091).
    static let mobileCodes: [Bool] = {
        var table = [Bool](repeating: false, count: 100)
        for prefix in MobilePrefix.all {
            let utf8 = Array(prefix.code.utf8)
            table[Int(utf8[1] - 0x30) * 10 + Int(utf8[2] - 0x30)] = true
        }
        return table
    }()

    /// Indexed by the third digit of the old 4-digit codes `01x…` (012x, 016x, 018x, 019x).
    static let pre2018Codes: [Bool] = {
        var table = [Bool](repeating: false, count: 10)
        for old in MobilePrefix.convertedIn2018.keys {
            table[Int(Array(old.utf8)[2] - 0x30)] = true
        }
        return table
    }()
}
