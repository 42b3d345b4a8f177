/// A short fingerprint of a request body, to tell a retry from a different request sent with a reused `Idempotency-Key`.
///
/// FNV-1a, 64 bits, over the raw bytes: a retry resends the same bytes, and the fingerprint
/// is not a secret, only a comparison, so no cryptographic hash is needed (none is in
/// the package yet). It is stored instead of the body, which holds personal data.
enum BodyFingerprint {
    static func of(_ bytes: some Sequence<UInt8>) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
