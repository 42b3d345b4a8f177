/// The exact document a customer read and signed, fixed at the signature: its text as the
/// bytes that were signed (UTF-8), and the SHA-256 of those bytes, so that whoever keeps the
/// copy can prove it is the one signed (personal data: it names the holder and the address).
public struct SignedDocument: Codable, Sendable, Equatable {
    /// The document's media type, e.g. `text/html; charset=utf-8`.
    public var mediaType: String
    /// The document, whose UTF-8 bytes are what was signed.
    public var text: String
    /// The SHA-256 of ``text``'s UTF-8 bytes, as 64 lowercase hexadecimal digits.
    public var sha256: String

    public init(mediaType: String, text: String, sha256: String) {
        self.mediaType = mediaType
        self.text = text
        self.sha256 = sha256
    }
}
