import Foundation

/// How a service checks staff tokens: whose public keys it trusts, which issuer it believes,
/// and how much time it allows (`STAFF_TOKEN_KEYS_FILE`, `STAFF_TOKEN_ISSUER`,
/// `STAFF_TOKEN_CLOCK_SKEW_SECONDS`, `STAFF_TOKEN_MAX_LIFETIME_HOURS`).
public struct StaffTokenSettings: Sendable {
    /// The JWKS file the keys were read from, re-read while the service runs so a rotated key
    /// takes effect without a restart; nil in development when none is given
    /// (``StaffTokenKeySet/development``).
    public let keysFile: String?
    /// The keys as read at start.
    public let keys: StaffTokenKeySet
    /// The `iss` every token must carry: the one place that signs them.
    public let issuer: String
    /// How far the issuer's clock may be ahead of or behind this one.
    public let clockSkew: TimeInterval
    /// The longest a token may be valid for, from `iat` to `exp`.
    public let maxLifetime: TimeInterval

    public init(keysFile: String?, keys: StaffTokenKeySet, issuer: String, clockSkew: TimeInterval,
                maxLifetime: TimeInterval) {
        self.keysFile = keysFile
        self.keys = keys
        self.issuer = issuer
        self.clockSkew = clockSkew
        self.maxLifetime = maxLifetime
    }
}
