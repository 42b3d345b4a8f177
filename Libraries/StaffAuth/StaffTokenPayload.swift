import JWTKit

/// The JWT body of a staff token.
///
/// Every claim is optional here so that a token lacking one decodes, and
/// ``StaffTokenPolicy`` refuses it naming the claim (``StaffTokenRefusal/missingClaim(_:)``);
/// the issuer always sets them all.
public struct StaffTokenPayload: JWTPayload {
    /// The place that signed the token.
    public var iss: IssuerClaim?
    /// The services the token is for.
    public var aud: AudienceClaim?
    /// The staff member's id.
    public var sub: SubjectClaim?
    public var roles: Set<StaffRole>?
    public var unit: String?
    public var iat: IssuedAtClaim?
    public var nbf: NotBeforeClaim?
    public var exp: ExpirationClaim?
    /// The token's own id, unique per token issued.
    public var jti: IDClaim?

    public init(iss: IssuerClaim?, aud: AudienceClaim?, sub: SubjectClaim?, roles: Set<StaffRole>?, unit: String?,
                iat: IssuedAtClaim?, nbf: NotBeforeClaim?, exp: ExpirationClaim?, jti: IDClaim?) {
        (self.iss, self.aud, self.sub, self.roles, self.unit) = (iss, aud, sub, roles, unit)
        (self.iat, self.nbf, self.exp, self.jti) = (iat, nbf, exp, jti)
    }

    /// Nothing: the checks need the service's audience, issuer and clock, which JWTKit's hook
    /// cannot be given; ``StaffTokenPolicy`` makes them after the signature is verified.
    public func verify(using algorithm: some JWTAlgorithm) async throws {}
}
