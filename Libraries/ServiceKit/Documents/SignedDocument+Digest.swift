import Contracts
import Crypto
import Foundation

extension SignedDocument {
    /// The document of `text`, with the SHA-256 of its UTF-8 bytes: what the signer signs.
    public init(mediaType: String, signing text: String) {
        self.init(mediaType: mediaType, text: text, sha256: Self.sha256(of: Data(text.utf8)))
    }

    /// Whether ``sha256`` is the SHA-256 of ``text``'s bytes: a copy changed on its way, or a
    /// hash of another document, does not match.
    public var matchesItsHash: Bool { Self.sha256(of: Data(text.utf8)) == sha256.lowercased() }

    /// The SHA-256 of `bytes` as 64 lowercase hexadecimal digits.
    public static func sha256(of bytes: Data) -> String {
        SHA256.hash(data: bytes).lowercaseHex
    }
}
