/// Why a staff token was refused.
///
/// A caller only ever sees 401 (``APIError/unauthenticated``): telling a forger which check
/// failed helps them. The reason is for the service's log and the tests.
public enum StaffTokenRefusal: Error, Equatable, Sendable {
    /// Not three base64url parts with a JSON header and body.
    case malformed
    /// Signed with another algorithm than ES256 (`none`, or HS256 keyed with a public key).
    case algorithm(String)
    /// The header names no key, or a key the service's key set does not list.
    case unknownKey
    /// The signature does not match the key.
    case signature
    /// The body lacks a claim every staff token carries, or carries it empty.
    case missingClaim(String)
    case wrongIssuer
    /// The token is not for this service.
    case wrongAudience
    case expired
    /// `nbf` or `iat` is still ahead of the service's clock.
    case notYetValid
    /// Issued for longer than the service accepts.
    case lifetimeTooLong
}
