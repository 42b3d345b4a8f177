import Foundation
import JWTKit
import ServiceKit

/// What a genuine staff token must also say before a service acts on it: the issuer it trusts,
/// this service among its audience, and a validity that has begun, has not ended and is no
/// longer than the service allows.
public struct StaffTokenPolicy: Sendable {
    /// The `iss` the token must carry.
    public let issuer: String
    /// The service checking the token, which its `aud` must list (`crm`).
    public let audience: String
    /// How far the issuer's clock may be from this one.
    public let clockSkew: TimeInterval
    /// The longest a token may be valid, `iat` to `exp`.
    public let maxLifetime: TimeInterval

    public init(issuer: String, audience: String, clockSkew: TimeInterval, maxLifetime: TimeInterval) {
        self.issuer = issuer
        self.audience = audience
        self.clockSkew = clockSkew
        self.maxLifetime = maxLifetime
    }

    /// The policy of `settings` for the service `audience`.
    public init(_ settings: StaffTokenSettings, audience: String) {
        self.init(issuer: settings.issuer, audience: audience, clockSkew: settings.clockSkew,
                  maxLifetime: settings.maxLifetime)
    }

    /// The claims of `payload`, whose signature is already verified, at `now`.
    ///
    /// - Throws: ``StaffTokenRefusal`` for the first check that fails.
    public func claims(of payload: StaffTokenPayload, at now: Date) throws(StaffTokenRefusal) -> StaffClaims {
        guard let iss = payload.iss?.value, !iss.isEmpty else { throw .missingClaim("iss") }
        guard let aud = payload.aud?.value, !aud.isEmpty else { throw .missingClaim("aud") }
        guard let sub = payload.sub?.value, !sub.isEmpty else { throw .missingClaim("sub") }
        guard let roles = payload.roles, !roles.isEmpty else { throw .missingClaim("roles") }
        guard let unit = payload.unit, !unit.isEmpty else { throw .missingClaim("unit") }
        guard let issuedAt = payload.iat?.value else { throw .missingClaim("iat") }
        guard let notBefore = payload.nbf?.value else { throw .missingClaim("nbf") }
        guard let expiresAt = payload.exp?.value else { throw .missingClaim("exp") }
        guard payload.jti.map({ !$0.value.isEmpty }) == true else { throw .missingClaim("jti") }
        guard iss == issuer else { throw .wrongIssuer }
        guard aud.contains(audience) else { throw .wrongAudience }
        guard now.addingTimeInterval(clockSkew) >= max(notBefore, issuedAt) else { throw .notYetValid }
        guard now.addingTimeInterval(-clockSkew) < expiresAt else { throw .expired }
        guard expiresAt.timeIntervalSince(issuedAt) <= maxLifetime else { throw .lifetimeTooLong }
        return StaffClaims(staffId: sub, roles: roles, unit: unit, expiresAt: expiresAt)
    }
}
