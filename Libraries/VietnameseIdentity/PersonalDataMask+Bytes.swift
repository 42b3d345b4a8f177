/// The byte classes the scan is made of: digits, word bytes, separators and where a number may stand alone.
extension PersonalDataMask {
    static let plusSign = UInt8(ascii: "+")

    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }

    /// Letters, digits and any non-ASCII byte (Vietnamese letters are multi-byte).
    @inline(__always)
    static func isWordByte(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte | 0x20) &- 0x61 < 26 || byte >= 0x80
    }

    /// Separators allowed between the digit groups of one number.
    @inline(__always)
    static func isSeparator(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x2E || byte == 0x2D
    }

    /// `.` and `-` next to a letter or digit join a number into a larger token.
    @inline(__always)
    static func isJoiner(_ byte: UInt8) -> Bool {
        byte == 0x2E || byte == 0x2D
    }

    static func isLeftBoundary(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
        guard index > 0 else { return true }
        let before = bytes[index - 1]
        if isWordByte(before) { return false }
        return !(isJoiner(before) && index >= 2 && isWordByte(bytes[index - 2]))
    }

    static func isRightBoundary(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
        guard index < bytes.count else { return true }
        let after = bytes[index]
        if isWordByte(after) { return false }
        return !(isJoiner(after) && index + 1 < bytes.count && isWordByte(bytes[index + 1]))
    }
}
