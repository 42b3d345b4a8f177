/// Compares keyed fingerprints (`PersonalDataProtector.fingerprint`) of secrets.
///
/// The comparison takes the same time wherever the first difference is, so that the answer
/// time tells a guesser nothing about how close a phone number or a signing code came.
enum KeyedDigest {
    static func matches(_ expected: String, _ given: String) -> Bool {
        let lhs = Array(expected.utf8), rhs = Array(given.utf8)
        guard lhs.count == rhs.count else { return false }
        return zip(lhs, rhs).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
