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

    /// An HMAC already keyed with the fingerprinting key: copying it skips hashing the key's
    /// pads again for every value, which was half of a fingerprint's cost in bulk imports.
    private let keyed: KeyedHMAC

    public init(key: PersonalDataKey) {
        self.key = key
        keyed = KeyedHMAC(key: key.fingerprinting)
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
        var hmac = keyed.start
        var value = value
        value.withUTF8 { hmac.update(data: UnsafeRawBufferPointer($0)) }
        let code = hmac.finalize()
        return String(unsafeUninitializedCapacity: SHA256.byteCount * 2) { hex in
            var index = 0
            for byte in code {
                hex[index] = Self.hexDigits[Int(byte >> 4)]
                hex[index + 1] = Self.hexDigits[Int(byte & 0x0f)]
                index += 2
            }
            return index
        }
    }

    /// Lower-case hex digits, as ASCII: bulk imports fingerprint millions of values, and
    /// formatting each byte through `String(format:)` cost more than the HMAC itself.
    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)
}

/// The keyed HMAC's starting state, kept behind a reference: a protector is copied into every
/// handler and endpoint, and the state is only ever read.
private final class KeyedHMAC: Sendable {
    let start: HMAC<SHA256>

    init(key: SymmetricKey) {
        start = HMAC<SHA256>(key: key)
    }
}
