import Crypto
import Foundation

/// Seals personal data (ID and phone numbers, names, e-mail and street addresses) before it is
/// stored, and fingerprints it for look-ups by equality.
///
/// Decree 13/2023/NĐ-CP and the Personal Data Protection Law 91/2025/QH15 ask for encryption
/// at rest where data is sensitive. A store keeps ``seal(_:)``'s bytes (AES-256-GCM, a fresh
/// nonce each time, so equal values look different) and, where it must find a record by the
/// value (a phone number given with a request code, an ID number screened against dossiers),
/// the value's ``fingerprint(_:)`` (HMAC-SHA256 under a separate sub-key) beside it: the store
/// alone never reveals a value, and a stolen file cannot be searched by guessing values
/// without the key.
///
/// Keys rotate. Both forms carry the id of the key that made them (``SealedFormat``,
/// `<id>:<hex>` for a fingerprint); new values always use the current key, while values of
/// every previous key still open, and ``fingerprints(_:)`` lists the forms a value has under
/// each key so a look-up finds rows written before the rotation. `evnctl reseal` rewrites a
/// store to the current key, after which the previous key can be dropped. Values written
/// before keys had ids carry none; they open and match under whichever configured key made them.
public struct PersonalDataProtector: Sendable {
    private let current: KeyMaterial
    /// Every configured key by id, the current one included.
    private let keys: [String: KeyMaterial]
    /// The current key first, then the previous ones in the order configured.
    private let ordered: [KeyMaterial]

    /// - Parameters:
    ///   - key: the key new values are sealed and fingerprinted with.
    ///   - previous: keys whose values are still read while a store is re-sealed; one whose
    ///     id an earlier key already has is left out (the configuration refuses such a list).
    public init(key: PersonalDataKey, previous: [PersonalDataKey] = []) {
        var keys: [String: KeyMaterial] = [:]
        var ordered: [KeyMaterial] = []
        for key in [key] + previous where keys[key.id] == nil {
            let material = KeyMaterial(key)
            keys[key.id] = material
            ordered.append(material)
        }
        self.keys = keys
        self.ordered = ordered
        current = ordered[0]
    }

    /// The id of the key new values are sealed and fingerprinted with.
    public var currentKeyId: String { current.key.id }

    /// `value` sealed under the current key: its id, then nonce, ciphertext and tag.
    public func seal(_ value: String) -> Data {
        seal(bytes: Data(value.utf8))
    }

    /// `bytes` (a photo of an ID card, a scanned household book) sealed under the current key,
    /// in the same form as a sealed text, so ``open(_:)`` and re-sealing treat both alike.
    public func seal(bytes: Data) -> Data {
        // Sealing with a valid 256-bit key and a random nonce cannot fail.
        let box = try! AES.GCM.seal(bytes, using: current.key.sealing).combined!
        return SealedFormat.header(keyId: current.key.id) + box
    }

    /// The value `seal` sealed, under whichever configured key sealed it.
    ///
    /// - Throws: ``PersonalDataError/cannotOpen`` when no configured key sealed it, or it was altered.
    public func open(_ sealed: Data) throws(PersonalDataError) -> String {
        String(decoding: try openBytes(sealed), as: UTF8.self)
    }

    /// The bytes ``seal(bytes:)`` (or ``seal(_:)``) sealed, under whichever configured key sealed them.
    ///
    /// - Throws: ``PersonalDataError/cannotOpen`` when no configured key sealed them, or they were altered.
    public func openBytes(_ sealed: Data) throws(PersonalDataError) -> Data {
        if let (keyId, box) = SealedFormat.split(sealed), let material = keys[keyId],
           let value = Self.open(box, with: material.key.sealing) {
            return value
        }
        for material in ordered {
            if let value = Self.open(sealed, with: material.key.sealing) { return value }
        }
        throw .cannotOpen
    }

    /// Whether `sealed` was sealed under another key than the current one (so re-sealing renews it).
    public func isStale(sealed: Data) -> Bool {
        SealedFormat.split(sealed)?.keyId != current.key.id
    }

    /// A stable, keyed fingerprint of `value` under the current key: `<key id>:` and 64 hex
    /// digits; equal values, equal fingerprints.
    public func fingerprint(_ value: String) -> String {
        current.fingerprint(value, prefixed: true)
    }

    /// Every fingerprint `value` may be stored under: the current key's first, then each
    /// previous key's, then the id-less forms of values fingerprinted before keys had ids.
    /// A look-up by value asks for any of them.
    public func fingerprints(_ value: String) -> [String] {
        ordered.map { $0.fingerprint(value, prefixed: true) } + ordered.map { $0.fingerprint(value, prefixed: false) }
    }

    /// Whether `fingerprint` is `value`'s under a configured key, compared in the same time
    /// wherever the first difference is, so that the answer time tells a guesser nothing
    /// about how close a phone number or a signing code came.
    public func matches(_ fingerprint: String, of value: String) -> Bool {
        if let colon = fingerprint.firstIndex(of: ":") {
            guard let material = keys[String(fingerprint[..<colon])] else { return false }
            return Self.equal(fingerprint, material.fingerprint(value, prefixed: true))
        }
        // Every key is tried, found or not, so the time does not tell which key matched.
        var matched = false
        for material in ordered where Self.equal(fingerprint, material.fingerprint(value, prefixed: false)) {
            matched = true
        }
        return matched
    }

    /// Whether `fingerprint` was made under another key than the current one.
    public func isStale(fingerprint: String) -> Bool {
        !fingerprint.hasPrefix(current.key.id + ":")
    }

    private static func open(_ combined: Data, with key: SymmetricKey) -> Data? {
        guard let box = try? AES.GCM.SealedBox(combined: combined) else { return nil }
        return try? AES.GCM.open(box, using: key)
    }

    private static func equal(_ lhs: String, _ rhs: String) -> Bool {
        let lhs = Array(lhs.utf8), rhs = Array(rhs.utf8)
        guard lhs.count == rhs.count else { return false }
        return zip(lhs, rhs).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

/// One key with its HMAC already keyed, kept behind a reference: copying the keyed state skips
/// hashing the key's pads again for every value, which was half of a fingerprint's cost in
/// bulk imports, and a protector is copied into every handler and endpoint.
private final class KeyMaterial: Sendable {
    let key: PersonalDataKey
    let start: HMAC<SHA256>
    let prefix: [UInt8]

    init(_ key: PersonalDataKey) {
        self.key = key
        start = HMAC<SHA256>(key: key.fingerprinting)
        prefix = Array((key.id + ":").utf8)
    }

    func fingerprint(_ value: String, prefixed: Bool) -> String {
        var hmac = start
        var value = value
        value.withUTF8 { hmac.update(data: UnsafeRawBufferPointer($0)) }
        let code = hmac.finalize()
        let prefix = prefixed ? prefix : []
        return String(unsafeUninitializedCapacity: prefix.count + SHA256.byteCount * 2) { text in
            var index = 0
            for byte in prefix {
                text[index] = byte
                index += 1
            }
            for byte in code {
                text[index] = Self.hexDigits[Int(byte >> 4)]
                text[index + 1] = Self.hexDigits[Int(byte & 0x0f)]
                index += 2
            }
            return index
        }
    }

    /// Lower-case hex digits, as ASCII: bulk imports fingerprint millions of values, and
    /// formatting each byte through `String(format:)` cost more than the HMAC itself.
    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)
}
