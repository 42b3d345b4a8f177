import Crypto
import Foundation
import ServiceKit

/// A secret the platform makes and a client holds: a browser's session id (the
/// `staff_session` cookie), a service account's client secret. 256 random bits in base64url.
///
/// The store keeps only its SHA-256 (``hash``), so whoever reads the store cannot present it;
/// being random and as long as a key, it needs no slow password hash, and a guess would need
/// 2²⁵⁶ tries.
public struct OpaqueSecret: Sendable, Equatable {
    public let value: String

    public init(_ value: String) {
        self.value = value
    }

    /// A new random secret.
    public static func generate() -> OpaqueSecret {
        let bytes = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }
        return OpaqueSecret(bytes.base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: ""))
    }

    /// The SHA-256 of the secret in hex, what the store finds it by.
    public var hash: String {
        SHA256.hash(data: Data(value.utf8)).lowercaseHex
    }
}
