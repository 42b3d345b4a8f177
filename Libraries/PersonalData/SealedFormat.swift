import Foundation

/// The bytes of a sealed value: a marker byte, the key id's length and ASCII bytes, then
/// AES-GCM's nonce, ciphertext and tag.
///
/// Values sealed before keys had ids are the AES-GCM bytes alone. Their first byte may equal
/// the marker by chance, so a value whose header names no configured key, or that does not
/// open under the key it names, is still tried as an id-less value: the GCM tag decides.
enum SealedFormat {
    static let marker: UInt8 = 0xEB

    static func header(keyId: String) -> Data {
        Data([marker, UInt8(keyId.utf8.count)] + Array(keyId.utf8))
    }

    /// The key id and AES-GCM bytes of `sealed`, or nil when it has no header.
    static func split(_ sealed: Data) -> (keyId: String, box: Data)? {
        let start = sealed.startIndex
        guard sealed.count > 2, sealed[start] == marker else { return nil }
        let length = Int(sealed[start + 1])
        guard (1...16).contains(length), sealed.count > 2 + length else { return nil }
        let id = sealed[(start + 2)..<(start + 2 + length)]
        guard id.allSatisfy({ $0 < 0x80 }) else { return nil }
        return (String(decoding: id, as: UTF8.self), Data(sealed[(start + 2 + length)...]))
    }
}
