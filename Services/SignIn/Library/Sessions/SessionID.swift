import Crypto
import Foundation

/// The secret a browser holds for its session (the `staff_session` cookie): 256 random bits in
/// base64url. The store keeps only its SHA-256 (``hash``), so whoever reads the store cannot
/// present a session; a guessed id would need 2²⁵⁶ tries.
public struct SessionID: Sendable, Equatable {
    public let value: String

    public init(_ value: String) {
        self.value = value
    }

    /// A new random id.
    public static func generate() -> SessionID {
        let bytes = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }
        return SessionID(bytes.base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: ""))
    }

    /// The SHA-256 of the id in hex, what the store finds the session by.
    public var hash: String {
        SHA256.hash(data: Data(value.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
