import Crypto
import Foundation
import HTTPTypes
import Hummingbird

/// The shared-secret signature partners put on the webhooks they call: HMAC-SHA256 of the raw
/// body, in hex, in one header (`X-Signature: sha256=<hex>`, the prefix optional), the scheme
/// SMS gateways and PBXs use.
///
/// Why the raw body: a signature over parsed fields would let a re-encoded body through. Why
/// constant time: a comparison that stops at the first wrong byte tells an attacker, by its
/// timing, how much of a forged signature is right. A missing or wrong signature is 401 and the
/// body is not looked at.
public struct WebhookSignature: Sendable {
    /// The header carrying the signature.
    public static let header = HTTPField.Name("X-Signature")!
    /// The optional prefix naming the algorithm, as GitHub-style senders write it.
    public static let prefix = "sha256="

    private let key: SymmetricKey

    /// - Parameter secret: the secret shared with the partner.
    public init(secret: String) {
        key = SymmetricKey(data: Data(secret.utf8))
    }

    /// The signature of `body`, as the partner sends it (lowercase hex, without the prefix).
    public func sign(_ body: Data) -> String {
        HMAC<SHA256>.authenticationCode(for: body, using: key).lowercaseHex
    }

    /// Whether `signature` (with or without ``prefix``, any case) is `body`'s, compared in constant time.
    public func isValid(_ signature: String?, for body: Data) -> Bool {
        guard var hex = signature?.trimmingCharacters(in: .whitespaces) else { return false }
        if hex.lowercased().hasPrefix(Self.prefix) { hex.removeFirst(Self.prefix.count) }
        guard let bytes = Self.bytes(hex: hex) else { return false }
        return HMAC<SHA256>.isValidAuthenticationCode(bytes, authenticating: body, using: key)
    }

    /// The body of `request`, at most `limit` bytes, once its signature is checked.
    ///
    /// - Throws: ``APIError`` 401 (`signature.invalid`) for a missing or wrong signature, 413 beyond `limit`.
    public func verifiedBody(of request: inout Request, limit: Int) async throws -> Data {
        let body = try await request.collectJSONBody(limit: limit)
        guard isValid(request.headers[Self.header], for: body) else {
            throw APIError(status: .unauthorized, field: "", code: "signature.invalid",
                           vi: "Chữ ký của yêu cầu không hợp lệ", en: "The request's signature is missing or wrong")
        }
        return body
    }

    /// Two hex digits per byte; nil for anything else.
    private static func bytes(hex: String) -> Data? {
        let digits = Array(hex.utf8)
        guard digits.count == 2 * SHA256.byteCount else { return nil }
        var bytes = Data(capacity: SHA256.byteCount)
        for index in stride(from: 0, to: digits.count, by: 2) {
            guard let high = Self.value(digits[index]), let low = Self.value(digits[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
        }
        return bytes
    }

    private static func value(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
