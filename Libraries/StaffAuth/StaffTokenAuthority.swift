import Foundation
import Hummingbird
import JWTKit
import ServiceKit

/// Issues and checks staff tokens: HS256 JWTs carrying the staff id, role and unit.
///
/// Every service that takes staff requests holds the same secret (`STAFF_TOKEN_SECRET`), so a
/// token issued once (by `evnctl staff-token`, or the company's sign-on in front of the tools)
/// works at crm, metering and households alike, and no service calls another to check it.
public struct StaffTokenAuthority: Sendable {
    /// JWTKit keeps its keys in an actor, which only an `await` can fill. The filling runs as
    /// a task that every use awaits, so a service builds its authority in its synchronous
    /// `init(context:)` and the first request finds the key long in place.
    private let keys: Task<JWTKeyCollection, Never>

    /// - Parameter secret: The shared HS256 key, at least 32 characters.
    public init(secret: String) {
        let key = HMACKey(from: secret)
        keys = Task { await JWTKeyCollection().add(hmac: key, digestAlgorithm: .sha256) }
    }

    /// The authority of the secret the service is configured with.
    public init(configuration: ServiceConfiguration) {
        self.init(secret: configuration.staffTokenSecret)
    }

    /// A token for `claims`, valid until `claims.expiresAt`.
    public func issue(_ claims: StaffClaims) async throws -> String {
        try await keys.value.sign(StaffTokenPayload(
            sub: SubjectClaim(value: claims.staffId), exp: ExpirationClaim(value: claims.expiresAt),
            role: claims.role, unit: claims.unit))
    }

    /// The claims of a genuine, unexpired token.
    ///
    /// - Throws: ``APIError`` 401 for a token that is malformed, signed with another key or expired.
    public func verify(_ token: String) async throws -> StaffClaims {
        let payload: StaffTokenPayload
        do {
            payload = try await keys.value.verify(token, as: StaffTokenPayload.self)
        } catch {
            throw APIError.unauthenticated
        }
        return StaffClaims(staffId: payload.sub.value, role: payload.role, unit: payload.unit,
                           expiresAt: payload.exp.value)
    }

    /// The staff member behind `request`'s `Authorization: Bearer` token, if their role is one of `roles`.
    ///
    /// - Throws: ``APIError`` 401 without a genuine token, 403 for a role the endpoint does not serve.
    public func authenticate(_ request: Request, allowing roles: Set<StaffRole>) async throws -> StaffClaims {
        guard let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer ") else {
            throw APIError.unauthenticated
        }
        let claims = try await verify(String(header.dropFirst("bearer ".count)).trimmingCharacters(in: .whitespaces))
        guard roles.contains(claims.role) else { throw APIError.roleNotAllowed }
        return claims
    }
}
