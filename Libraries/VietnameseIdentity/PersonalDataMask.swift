/// Scrubs free text — a log line, an exception message — of anything that looks like a
/// Vietnamese ID number or phone number, replacing each with its masked form.
///
/// Services mask personal data where they write it (`CitizenID` and `VietnamesePhoneNumber`
/// only print masked); this is the last line of defence for what slips through: a raw
/// request body in an error, a broker message dumped on failure. It runs on every log line,
/// so it is a single pass over the UTF-8 bytes with no regular expression and no allocation
/// unless something is replaced.
///
/// What is masked, when it stands alone (not glued to letters, and not part of a token such
/// as a UUID or `12:00:00.123456789` where it touches `-` or `.` next to a letter or digit):
/// - a run of 9 digits (legacy ID): `123456789` → `12*****89`;
/// - 12 digits starting with `0` (every citizen ID does), contiguous or grouped with spaces,
///   dots or dashes: `079 088 001 234` → `079*******34`;
/// - a mobile number in any usual form — `0912345678`, `0912 345 678`, `091.234.5678`,
///   `84912345678`, `+84 912 345 678`, `+84 0912…` — and landlines (`0235 3812 345`),
///   and pre-2018 11-digit mobiles: `+8491****678`.
///
/// Grouped numbers must use one separator throughout (after `+84` another may follow), so
/// `09.08.2024 10` — a date and an hour — is not a phone number. Grouped 9-digit numbers
/// are only masked when they start with `0`: `150.000.000` is an amount, and no amount is
/// written with a leading zero. A bare 9-digit amount (`150000000`) *is* masked: a log line
/// that loses an amount is better than one that leaks an ID. Shorter numbers (amounts,
/// dates, times, counts) and longer ones (timestamps in milliseconds) are left alone.
///
/// E-mail addresses are masked too, keeping the first character of the local part and the
/// domain: `nguyen.an@example.vn` → `n***@example.vn` (the form operators see elsewhere). An
/// address is an `@` with at least one of `A-Z a-z 0-9 . _ % + -` before it and a domain of
/// letters, digits, dots and dashes with a dot inside after it; a line without `@` costs one
/// byte search.
///
/// Known gaps: an ID glued to letters (`CCCD079088001234`), two numbers joined by a bare dash
/// (`0912345678-0987654321`), a grouped 9-digit legacy ID not starting with `0`, and an e-mail
/// address with non-ASCII letters or quoted local part.
public enum PersonalDataMask {
    /// Returns `text` with every ID-like and phone-like number and every e-mail address
    /// masked; the same string (no copy) when there is nothing to mask.
    ///
    /// - Parameter text: a line of free text.
    /// - Returns: the scrubbed text.
    public static func scrub(_ text: String) -> String {
        var text = text
        if let scrubbed = text.withUTF8({ scrub(utf8: $0) }) { text = scrubbed }
        if let masked = text.withUTF8({ maskEmails(utf8: $0) }) { text = masked }
        return text
    }

    /// The bytes with every e-mail address masked, as a new string, or `nil` when there is none.
    private static func maskEmails(utf8 bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let at = UInt8(ascii: "@")
        guard bytes.contains(at) else { return nil }
        var out: [UInt8] = []
        var copied = 0
        var index = 0
        while index < bytes.count {
            guard bytes[index] == at, let address = emailAddress(in: bytes, at: index) else {
                index += 1
                continue
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...address.lowerBound]))
            out.append(contentsOf: Array("***".utf8))
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<address.upperBound]))
            copied = address.upperBound
            index = address.upperBound
        }
        guard copied > 0 else { return nil }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
        return String(decoding: out, as: UTF8.self)
    }

    /// The byte range of the e-mail address whose `@` is at `at`, if the bytes around it make one.
    private static func emailAddress(in bytes: UnsafeBufferPointer<UInt8>, at: Int) -> Range<Int>? {
        var start = at
        while start > 0 && isLocalPartByte(bytes[start - 1]) { start -= 1 }
        var end = at + 1
        while end < bytes.count && isDomainByte(bytes[end]) { end += 1 }
        // A sentence's full stop or a dash after the address is not part of its domain.
        while end > at + 1 && (bytes[end - 1] == 0x2E || bytes[end - 1] == 0x2D) { end -= 1 }
        let domain = UnsafeBufferPointer(rebasing: bytes[(at + 1)..<end])
        guard start < at, let dot = domain.firstIndex(of: 0x2E), dot > 0 else { return nil }
        return start..<end
    }

    @inline(__always)
    private static func isLocalPartByte(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte | 0x20) &- 0x61 < 26 || byte == 0x2E || byte == 0x5F || byte == 0x25 || byte == 0x2B
            || byte == 0x2D
    }

    @inline(__always)
    private static func isDomainByte(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte | 0x20) &- 0x61 < 26 || byte == 0x2E || byte == 0x2D
    }

    /// What a run of digits was recognised as.
    private enum Kind {
        case idNumber
        /// A phone number whose national significant number starts at this digit index.
        case phone(nationalStart: Int)
    }

    /// A number found in the text: its byte range (separators and `+` included) and kind.
    private struct Match {
        var start: Int
        var end: Int
        var kind: Kind
    }

    /// The scrubbed bytes as a new string, or `nil` when nothing was replaced.
    private static func scrub(utf8 bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let end = bytes.count
        var index = 0
        while index < end {
            if index + 8 <= end, !mayOpenNumber(eightBytesAt: bytes.baseAddress! + index) {
                index += 8
                continue
            }
            let byte = bytes[index]
            if isDigit(byte) || (byte == plusSign && index + 1 < end && isDigit(bytes[index + 1])) {
                if isLeftBoundary(bytes, index), let first = match(bytes, from: index) {
                    return rewrite(bytes, from: first)
                }
                index = skipNumber(bytes, from: index)
            } else {
                index += 1
            }
        }
        return nil
    }

    /// Whether any of the eight bytes at `pointer` is a digit or `+`, tested all at once
    /// (SWAR: "does a byte less than n exist" on the bytes XOR-ed with `0`, and "does a zero
    /// byte exist" on the bytes XOR-ed with `+`). Lets the scan skip words eight bytes at a
    /// time.
    @inline(__always)
    private static func mayOpenNumber(eightBytesAt pointer: UnsafePointer<UInt8>) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highBits: UInt64 = 0x8080_8080_8080_8080
        let word = UnsafeRawPointer(pointer).loadUnaligned(as: UInt64.self)
        let digitDistance = word ^ (ones &* 0x30)
        let hasDigit = (digitDistance &- ones &* 10) & ~digitDistance & highBits
        let plusDistance = word ^ (ones &* 0x2B)
        let hasPlus = (plusDistance &- ones) & ~plusDistance & highBits
        return hasDigit | hasPlus != 0
    }

    /// Copies `bytes` with `first` and every later match masked. Only reached when there is
    /// something to mask, so the common case never allocates.
    private static func rewrite(_ bytes: UnsafeBufferPointer<UInt8>, from first: Match) -> String {
        let end = bytes.count
        var out: [UInt8] = []
        out.reserveCapacity(end + 16)
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[0..<first.start]))
        appendMask(of: first, in: bytes, to: &out)
        var copied = first.end
        var index = first.end
        while index < end {
            let byte = bytes[index]
            if isDigit(byte) || (byte == plusSign && index + 1 < end && isDigit(bytes[index + 1])) {
                if isLeftBoundary(bytes, index), let found = match(bytes, from: index) {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<found.start]))
                    appendMask(of: found, in: bytes, to: &out)
                    copied = found.end
                    index = found.end
                } else {
                    index = skipNumber(bytes, from: index)
                }
            } else {
                index += 1
            }
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<end]))
        return String(decoding: out, as: UTF8.self)
    }

    /// Steps over a `+` and the digit run after it, so that the run's tail is not read as a
    /// new number.
    @inline(__always)
    private static func skipNumber(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start + 1
        while index < bytes.count && isDigit(bytes[index]) { index += 1 }
        return index
    }

    /// Reads digit groups from `start` and returns the longest prefix of them that is an ID
    /// or phone number ending at a boundary.
    private static func match(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Match? {
        let end = bytes.count
        var index = start
        let international = bytes[index] == plusSign
        if international { index += 1 }
        var leading = LeadingDigits()
        var groups = 0
        var separator: UInt8 = 0
        var best: Match?
        while true {
            while index < end && isDigit(bytes[index]) {
                if leading.count == 12 { return best }
                leading.append(bytes[index])
                index += 1
            }
            groups += 1
            if leading.count >= 9, isRightBoundary(bytes, index),
               let kind = classify(leading, international: international, grouped: groups > 1) {
                best = Match(start: start, end: index, kind: kind)
            }
            guard index + 1 < end, isSeparator(bytes[index]), isDigit(bytes[index + 1]) else { return best }
            let next = bytes[index]
            let afterCountryCode = international && groups == 1 && leading.count == 2
            if !afterCountryCode {
                if separator == 0 {
                    separator = next
                } else if next != separator {
                    return best
                }
            }
            index += 1
        }
    }

    /// The number of digits read and the values of the first five, which are all that
    /// classifying a number needs; kept in registers rather than a buffer.
    private struct LeadingDigits {
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
    private static func classify(_ d: LeadingDigits, international: Bool, grouped: Bool) -> Kind? {
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

    private static func appendMask(of found: Match, in bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        let digits = UnsafeBufferPointer(rebasing: bytes[found.start..<found.end]).lazy.filter(isDigit)
        switch found.kind {
        case .idNumber:
            CitizenID.appendMask(of: digits, to: &out)
        case .phone(let nationalStart):
            VietnamesePhoneNumber.appendMask(national: digits.dropFirst(nationalStart), to: &out)
        }
    }

    /// Whether the two digit values after the trunk zero are a mobile code (`MobilePrefix`).
    @inline(__always)
    private static func isMobile(_ first: UInt8, _ second: UInt8) -> Bool {
        mobileCodes[Int(first) * 10 + Int(second)]
    }

    /// Whether the digit values `1`, `x` open an 11-digit mobile number from before 2018.
    @inline(__always)
    private static func isPre2018Mobile(_ first: UInt8, _ second: UInt8) -> Bool {
        first == 1 && pre2018Codes[Int(second)]
    }

    /// Indexed by the two digits after the trunk zero (`91` for 091).
    private static let mobileCodes: [Bool] = {
        var table = [Bool](repeating: false, count: 100)
        for prefix in MobilePrefix.all {
            let utf8 = Array(prefix.code.utf8)
            table[Int(utf8[1] - 0x30) * 10 + Int(utf8[2] - 0x30)] = true
        }
        return table
    }()

    /// Indexed by the third digit of the old 4-digit codes `01x…` (012x, 016x, 018x, 019x).
    private static let pre2018Codes: [Bool] = {
        var table = [Bool](repeating: false, count: 10)
        for old in MobilePrefix.convertedIn2018.keys {
            table[Int(Array(old.utf8)[2] - 0x30)] = true
        }
        return table
    }()

    private static let plusSign = UInt8(ascii: "+")

    @inline(__always)
    private static func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }

    /// Letters, digits and any non-ASCII byte (Vietnamese letters are multi-byte).
    @inline(__always)
    private static func isWordByte(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte | 0x20) &- 0x61 < 26 || byte >= 0x80
    }

    /// Separators allowed between the digit groups of one number.
    @inline(__always)
    private static func isSeparator(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x2E || byte == 0x2D
    }

    /// `.` and `-` next to a letter or digit join a number into a larger token.
    @inline(__always)
    private static func isJoiner(_ byte: UInt8) -> Bool {
        byte == 0x2E || byte == 0x2D
    }

    private static func isLeftBoundary(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
        guard index > 0 else { return true }
        let before = bytes[index - 1]
        if isWordByte(before) { return false }
        return !(isJoiner(before) && index >= 2 && isWordByte(bytes[index - 2]))
    }

    private static func isRightBoundary(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
        guard index < bytes.count else { return true }
        let after = bytes[index]
        if isWordByte(after) { return false }
        return !(isJoiner(after) && index + 1 < bytes.count && isWordByte(bytes[index + 1]))
    }
}
