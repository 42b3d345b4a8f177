import Crypto
import Foundation

/// A secret personal data is sealed with: 32 bytes, given to every service in base64, and the
/// id every value sealed or fingerprinted with it carries, so that a store can hold values of
/// an old key and a new one while it is re-sealed.
///
/// One key yields two independent sub-keys (HKDF), one to seal values and one to fingerprint
/// them, so a fingerprint never helps to open a sealed value.
public struct PersonalDataKey: Sendable {
    /// 1 to 16 ASCII letters or digits, e.g. `1` or `2026a`.
    public let id: String
    let sealing: SymmetricKey
    let fingerprinting: SymmetricKey

    /// - Throws: ``PersonalDataError/invalidKey`` unless `base64` is exactly 32 bytes in base64;
    ///   ``PersonalDataError/invalidKeyId`` unless `id` is 1 to 16 ASCII letters or digits.
    public init(id: String = "1", base64: String) throws(PersonalDataError) {
        guard Self.isValid(id: id) else { throw .invalidKeyId }
        guard let bytes = Data(base64Encoded: base64), bytes.count == 32 else { throw .invalidKey }
        self.id = id
        let master = SymmetricKey(data: bytes)
        sealing = HKDF<SHA256>.deriveKey(inputKeyMaterial: master, info: Data("evn.personal-data.seal".utf8), outputByteCount: 32)
        fingerprinting = HKDF<SHA256>.deriveKey(inputKeyMaterial: master, info: Data("evn.personal-data.fingerprint".utf8), outputByteCount: 32)
    }

    /// Whether `id` can name a key: 1 to 16 ASCII letters or digits, so it fits a sealed value's header.
    public static func isValid(id: String) -> Bool {
        (1...16).contains(id.utf8.count)
            && id.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x41...0x5a).contains($0) || (0x61...0x7a).contains($0) }
    }

    /// Keys listed as `id:base64`, separated by commas or white space (`PERSONAL_DATA_PREVIOUS_KEYS`).
    ///
    /// - Parameter excluding: an id none of them may have (the current key's).
    /// - Throws: ``PersonalDataError`` for the first entry that is not a valid key, or whose id
    ///   is `excluding` or an earlier entry's.
    public static func list(_ text: String, excluding: String) throws(PersonalDataError) -> [PersonalDataKey] {
        var keys: [PersonalDataKey] = []
        var ids: Set = [excluding]
        for entry in text.split(whereSeparator: { $0 == "," || $0.isWhitespace }) {
            guard let colon = entry.firstIndex(of: ":") else { throw .invalidKeyId }
            let key = try PersonalDataKey(id: String(entry[..<colon]), base64: String(entry[entry.index(after: colon)...]))
            guard ids.insert(key.id).inserted else { throw .invalidKeyId }
            keys.append(key)
        }
        return keys
    }
}
