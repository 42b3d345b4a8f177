extension Sequence<UInt8> {
    /// The bytes as lowercase hexadecimal digits, two per byte: how digests and signatures are
    /// written (a signed document's SHA-256, a webhook's signature, a stored secret's hash).
    ///
    /// Written digit by digit: `String(format: "%02x")` per byte cost a signed contract's
    /// handler more than hashing the whole document.
    public var lowercaseHex: String {
        let digits: StaticString = "0123456789abcdef"
        var text: [UInt8] = []
        text.reserveCapacity(underestimatedCount * 2)
        for byte in self {
            text.append(digits.utf8Start[Int(byte >> 4)])
            text.append(digits.utf8Start[Int(byte & 0x0f)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
