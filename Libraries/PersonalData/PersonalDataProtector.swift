import Crypto
import Foundation

/// Seals personal data (ID and phone numbers, names, addresses) before it is stored, and
/// fingerprints it for look-ups by equality.
///
/// Decree 13/2023/NĐ-CP and the Personal Data Protection Law 91/2025/QH15 ask for encryption
/// at rest where data is sensitive. A store keeps ``seal(_:)``'s bytes (AES-256-GCM, a fresh
/// nonce each time, so equal values look different) and, where it must find a record by the
/// value (a phone number given with a request code, an ID number screened against dossiers),
/// the value's ``fingerprint(_:)`` (HMAC-SHA256 under a separate sub-key) beside it: the store
/// alone never reveals a value, and a stolen file cannot be searched by guessing values
/// without the key.
public struct PersonalDataProtector: Sendable {
    private let key: PersonalDataKey

    public init(key: PersonalDataKey) {
        self.key = key
    }

    /// `value` sealed: nonce, ciphertext and tag in one blob.
    public func seal(_ value: String) -> Data {
        // Sealing with a valid 256-bit key and a random nonce cannot fail.
        try! AES.GCM.seal(Data(value.utf8), using: key.sealing).combined!
    }

    /// The value `seal` sealed.
    ///
    /// - Throws: ``PersonalDataError/cannotOpen`` when `sealed` was made with another key or altered.
    public func open(_ sealed: Data) throws(PersonalDataError) -> String {
        do {
            let box = try AES.GCM.SealedBox(combined: sealed)
            return String(decoding: try AES.GCM.open(box, using: key.sealing), as: UTF8.self)
        } catch {
            throw .cannotOpen
        }
    }

    /// A stable, keyed fingerprint of `value` (64 hex digits): equal values, equal fingerprints.
    public func fingerprint(_ value: String) -> String {
        HMAC<SHA256>.authenticationCode(for: Data(value.utf8), using: key.fingerprinting)
            .map { String(format: "%02x", $0) }.joined()
    }
}
