/// Finding e-mail addresses and keeping only the first character of their local part.
extension PersonalDataMask {
    /// The bytes with every e-mail address masked, as a new string, or `nil` when there is none.
    static func maskEmails(utf8 bytes: UnsafeBufferPointer<UInt8>) -> String? {
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
    static func emailAddress(in bytes: UnsafeBufferPointer<UInt8>, at: Int) -> Range<Int>? {
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
    static func isLocalPartByte(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte | 0x20) &- 0x61 < 26 || byte == 0x2E || byte == 0x5F || byte == 0x25 || byte == 0x2B
            || byte == 0x2D
    }

    @inline(__always)
    static func isDomainByte(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte | 0x20) &- 0x61 < 26 || byte == 0x2E || byte == 0x2D
    }
}
