import Foundation

extension UUID {
    /// A version 7 UUID (RFC 9562, section 5.7) of the moment it is made: the Unix time in
    /// milliseconds in the first 48 bits, the fraction of the millisecond in the next 12
    /// (section 6.2, method 3), random bits after them.
    ///
    /// Use it for a key a store indexes when rows are written in bulk: ids made one after the
    /// other sort one after the other, so a batch's inserts fill the index's last pages instead
    /// of each rewriting a page of its own, as random (version 4) ids do. Its 62 random bits
    /// make it unique, not secret.
    public static func timeOrdered(now: Date = Date()) -> UUID {
        let microseconds = UInt64(max(0, (now.timeIntervalSince1970 * 1_000_000).rounded(.down)))
        let milliseconds = microseconds / 1000
        let fraction = (microseconds % 1000) * 4096 / 1000
        var generator = SystemRandomNumberGenerator()
        let random: UInt64 = generator.next()
        var bytes = [UInt8](repeating: 0, count: 16)
        for index in 0..<6 { bytes[index] = UInt8(truncatingIfNeeded: milliseconds >> (40 - 8 * UInt64(index))) }
        bytes[6] = 0x70 | UInt8(truncatingIfNeeded: fraction >> 8)
        bytes[7] = UInt8(truncatingIfNeeded: fraction)
        for index in 8..<16 { bytes[index] = UInt8(truncatingIfNeeded: random >> (8 * UInt64(index - 8))) }
        bytes[8] = 0x80 | (bytes[8] & 0x3F)
        return UUID(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                           bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
    }
}
