import Crypto
import Foundation

/// The secret personal data is sealed with: 32 bytes, given to every service in base64.
///
/// One key yields two independent sub-keys (HKDF), one to seal values and one to fingerprint
/// them, so a fingerprint never helps to open a sealed value.
public struct PersonalDataKey: Sendable {
    let sealing: SymmetricKey
    let fingerprinting: SymmetricKey

    /// - Throws: ``PersonalDataError/invalidKey`` unless `base64` is exactly 32 bytes in base64.
    public init(base64: String) throws(PersonalDataError) {
        guard let bytes = Data(base64Encoded: base64), bytes.count == 32 else { throw .invalidKey }
        let master = SymmetricKey(data: bytes)
        sealing = HKDF<SHA256>.deriveKey(inputKeyMaterial: master, info: Data("evn.personal-data.seal".utf8), outputByteCount: 32)
        fingerprinting = HKDF<SHA256>.deriveKey(inputKeyMaterial: master, info: Data("evn.personal-data.fingerprint".utf8), outputByteCount: 32)
    }
}
