import Foundation
import Hummingbird
import JWTKit
import Logging
import ServiceKit

/// Checks staff tokens with the issuer's public keys: ES256 JWTs carrying the staff id, roles
/// and unit.
///
/// A service holds public keys only (``StaffTokenKeySet``), so a service that is broken into
/// can read tokens but not sign one; only the issuer, with the private key, can. The token's
/// header must say ES256 and name a key of the set: `alg: none`, and HS256 keyed with the
/// public key (the classic algorithm confusion), are refused before any key is used. Then the
/// signature (once per token and key set: the ring remembers tokens it has checked), then
/// ``StaffTokenPolicy``, on every call.
public struct StaffTokenVerifier: Sendable {
    private let ring: StaffTokenKeyRing
    private let policy: StaffTokenPolicy
    private let logger: Logger
    private let clock: WallClock

    /// - Parameters:
    ///   - keys: the keys trusted at start.
    ///   - policy: issuer, audience and time limits.
    ///   - keysFile: the file `keys` came from, re-read every `refreshInterval` seconds; nil for fixed keys.
    ///   - deployment: a re-read set must pass the rules of this environment, as at start; the
    ///     strictest, production, unless told otherwise.
    ///   - refreshInterval: seconds between two looks at `keysFile`.
    ///   - logger: where a key set reload (or its failure) and each refused token's reason are logged.
    ///   - clock: the time tokens are checked at; the keys are read now, and the first refresh
    ///     is counted from it.
    public init(keys: StaffTokenKeySet, policy: StaffTokenPolicy, keysFile: String? = nil,
                deployment: DeploymentEnvironment = .production, refreshInterval: TimeInterval = 30,
                logger: Logger = Logger(label: "staff-tokens"), clock: WallClock = .system) {
        ring = StaffTokenKeyRing(keys: keys, file: keysFile, deployment: deployment, refreshInterval: refreshInterval,
                                 logger: logger, now: clock.preciseNow())
        self.policy = policy
        self.logger = logger
        self.clock = clock
    }

    /// The verifier of a service: its configured key set, issuer and limits, its name as
    /// audience, and its clock.
    public init(context: ServiceContext) {
        let configuration = context.configuration
        self.init(keys: configuration.staffTokens.keys,
                  policy: StaffTokenPolicy(configuration.staffTokens, audience: configuration.service),
                  keysFile: configuration.staffTokens.keysFile, deployment: configuration.deploymentEnvironment,
                  logger: context.logger, clock: context.clock)
    }

    /// The claims of a genuine token that ``StaffTokenPolicy`` accepts now, by the verifier's clock.
    ///
    /// - Throws: ``StaffTokenRefusal`` saying which check failed.
    public func verify(_ token: String) async throws(StaffTokenRefusal) -> StaffClaims {
        try await verify(token, at: clock.preciseNow())
    }

    /// The claims of a genuine token that ``StaffTokenPolicy`` accepts at `now`.
    ///
    /// A refusal is logged (`info`, `staff token refused` with its `reason`), so that an
    /// operator can tell a rotation that went wrong (`unknownKey`) from clocks out of step.
    ///
    /// - Throws: ``StaffTokenRefusal`` saying which check failed.
    public func verify(_ token: String, at now: Date) async throws(StaffTokenRefusal) -> StaffClaims {
        do {
            return try await check(token, at: now)
        } catch {
            logger.info("staff token refused", metadata: ["reason": "\(error)"])
            throw error
        }
    }

    private func check(_ token: String, at now: Date) async throws(StaffTokenRefusal) -> StaffClaims {
        // A token met before passed the header checks and its signature under the keys trusted
        // now (the ring forgets it when they change): only the policy is left to apply.
        if let checked = await ring.checkedPayload(of: token, at: now) {
            return try policy.claims(of: checked, at: now)
        }
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let headerJSON = Data(base64URL: String(parts[0])),
              let header = try? JSONDecoder().decode(Header.self, from: headerJSON) else { throw .malformed }
        guard header.alg == "ES256" else { throw .algorithm(header.alg) }
        guard let kid = header.kid, let keys = await ring.verifier(for: kid, at: now) else { throw .unknownKey }
        let payload: StaffTokenPayload
        do {
            payload = try await keys.verify(token, as: StaffTokenPayload.self)
        } catch {
            throw .signature
        }
        await ring.remember(payload, of: token, checkedWith: keys, kid: kid)
        // The policy is applied every time: a token checked before expires all the same.
        return try policy.claims(of: payload, at: now)
    }

    /// The staff member behind `request`'s `Authorization: Bearer` token, if they hold one of
    /// the roles of `duty`, the work the endpoint serves.
    ///
    /// - Throws: ``APIError`` 401 without a token this service accepts, 403 naming the roles
    ///   of `duty` when the staff member holds none of them.
    public func authenticate(_ request: Request, for duty: StaffDuty) async throws -> StaffClaims {
        guard let header = request.headers[.authorization], header.prefix(7).lowercased() == "bearer " else {
            throw APIError.unauthenticated
        }
        // Trimmed in Swift: Foundation's `trimmingCharacters(in:)` goes through NSString, and was
        // most of the cost of a staff call whose token was checked before.
        var token = Substring(header.dropFirst("bearer ".count).drop(while: \.isWhitespace))
        while token.last?.isWhitespace == true { token.removeLast() }
        guard let claims = try? await verify(String(token)) else { throw APIError.unauthenticated }
        guard claims.holdsAny(of: duty.roles) else { throw APIError.roleNotAllowed(needing: duty) }
        return claims
    }

    /// The JOSE header fields the choice of key rests on.
    private struct Header: Decodable {
        var alg: String
        var kid: String?
    }
}
