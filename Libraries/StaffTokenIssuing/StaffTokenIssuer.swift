import Foundation
import JWTKit
import ServiceKit
import StaffAuth

/// Signs staff tokens: the one place that holds the private key.
///
/// The services only verify (``StaffTokenVerifier``, public keys only), so none of them can
/// mint a token. The issuer is the staff sign-in, `evnctl staff-token` on a developer's machine
/// (development key only) and the tests.
public struct StaffTokenIssuer: Sendable {
    /// The `iss` of every token, which the services check (`STAFF_TOKEN_ISSUER`).
    public let issuer: String
    /// The key's id, written into each token's header.
    public let keyId: String
    /// JWTKit keeps its keys in an actor, which only an `await` can fill; every use awaits this task.
    private let keys: Task<JWTKeyCollection, Never>
    private let clock: WallClock

    /// - Parameter clock: the time a token is issued at, unless the caller names one.
    public init(signingKey: StaffTokenSigningKey, issuer: String, clock: WallClock = .system) {
        self.issuer = issuer
        self.clock = clock
        keyId = signingKey.id
        let privateKey = signingKey.privateKey
        let kid = JWKIdentifier(string: signingKey.id)
        keys = Task { await JWTKeyCollection().add(ecdsa: privateKey, kid: kid) }
    }

    /// The development issuer: the development key under the issuer name the services of
    /// `settings` expect.
    public static func development(_ settings: StaffTokenSettings) -> StaffTokenIssuer {
        StaffTokenIssuer(signingKey: .development, issuer: settings.issuer)
    }

    /// A token for `claims`, for the services in `audience`, valid from now, by the issuer's
    /// clock, until `claims.expiresAt`.
    public func issue(_ claims: StaffClaims, audience: Set<String>) async throws -> String {
        try await issue(claims, audience: audience, at: clock.preciseNow())
    }

    /// A token for `claims`, for the services in `audience`, valid from `now` until `claims.expiresAt`.
    public func issue(_ claims: StaffClaims, audience: Set<String>, at now: Date) async throws -> String {
        let payload = StaffTokenPayload(
            iss: IssuerClaim(value: issuer), aud: AudienceClaim(value: audience.sorted()),
            sub: SubjectClaim(value: claims.staffId), roles: claims.roles, unit: claims.unit,
            iat: IssuedAtClaim(value: now), nbf: NotBeforeClaim(value: now), exp: ExpirationClaim(value: claims.expiresAt),
            jti: IDClaim(value: UUID().uuidString.lowercased()))
        return try await keys.value.sign(payload, kid: JWKIdentifier(string: keyId))
    }
}
