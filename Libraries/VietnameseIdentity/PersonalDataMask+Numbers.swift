/// Finding ID-like and phone-like numbers in one pass and writing their masked forms.
extension PersonalDataMask {
    /// What a run of digits was recognised as.
    enum Kind {
        case idNumber
        /// A phone number whose national significant number starts at this digit index.
        case phone(nationalStart: Int)
    }

    /// A number found in the text: its byte range (separators and `+` included) and kind.
    struct Match {
        var start: Int
        var end: Int
        var kind: Kind
    }

    /// The scrubbed bytes as a new string, or `nil` when nothing was replaced.
    static func scrub(utf8 bytes: UnsafeBufferPointer<UInt8>) -> String? {
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
    static func mayOpenNumber(eightBytesAt pointer: UnsafePointer<UInt8>) -> Bool {
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
    static func rewrite(_ bytes: UnsafeBufferPointer<UInt8>, from first: Match) -> String {
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
    static func skipNumber(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start + 1
        while index < bytes.count && isDigit(bytes[index]) { index += 1 }
        return index
    }

    /// Reads digit groups from `start` and returns the longest prefix of them that is an ID
    /// or phone number ending at a boundary.
    static func match(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Match? {
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

    static func appendMask(of found: Match, in bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        let digits = UnsafeBufferPointer(rebasing: bytes[found.start..<found.end]).lazy.filter(isDigit)
        switch found.kind {
        case .idNumber:
            CitizenID.appendMask(of: digits, to: &out)
        case .phone(let nationalStart):
            VietnamesePhoneNumber.appendMask(national: digits.dropFirst(nationalStart), to: &out)
        }
    }
}
