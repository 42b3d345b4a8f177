import Crypto
import Foundation
import Hummingbird
import HummingbirdTesting
import JWTKit
import ServiceKit
import StaffAuth
import StaffTokenIssuing
import Testing

/// Staff tokens as a service checks them: signed by the issuer's private key, read with the
/// public key set alone, and refused for anything else they should say and do not.
@Suite struct StaffTokenVerifierTests {
    static let forge = TokenForge()
    static let policy = StaffTokenPolicy(issuer: TokenForge.issuer, audience: TokenForge.service, clockSkew: 60,
                                         maxLifetime: 12 * 3600)
    static let verifier = StaffTokenVerifier(keys: forge.keySet, policy: policy)
    static let during = TokenForge.start.addingTimeInterval(600)

    private func refusal(_ token: String, at now: Date = during,
                         by verifier: StaffTokenVerifier = verifier) async -> StaffTokenRefusal? {
        do {
            _ = try await verifier.verify(token, at: now)
            return nil
        } catch {
            return error
        }
    }

    private func refusal(_ payload: StaffTokenPayload, at now: Date = during) async throws -> StaffTokenRefusal? {
        await refusal(try await Self.forge.sign(payload), at: now)
    }

    /// `Authorization: Bearer <token>`: the scheme in any case, the token with the spaces and
    /// tabs around it dropped; another scheme, no token or a token changed by a byte is 401.
    @Test func theBearerSchemeIsReadInAnyCaseAndTheTokenWithoutTheBlanksAroundIt() async throws {
        let verifier = StaffTokenVerifier(keys: Self.forge.keySet, policy: Self.policy, clock: WallClock { Self.during })
        let token = try await Self.forge.sign(TokenForge.payload())
        func authenticate(_ authorization: String) async throws -> StaffClaims {
            let head = HTTPRequest(method: .get, scheme: "http", authority: "crm", path: "/api/v1/tickets",
                                   headerFields: [.authorization: authorization])
            return try await verifier.authenticate(Request(head: head, body: RequestBody(buffer: ByteBuffer())), for: .tickets)
        }
        for accepted in ["Bearer \(token)", "bearer  \(token) ", "BEARER \t\(token)\t"] {
            #expect(try await authenticate(accepted).staffId == "tk-cs-014", "\(accepted.prefix(9))…")
        }
        for refused in ["Basic \(token)", "Bearer ", "Bearer \(token)x", "Bearer\(token)"] {
            await #expect(throws: APIError.self, "\(refused.prefix(9))…") { try await authenticate(refused) }
        }
    }

    @Test func anIssuedTokenVerifiesToItsClaimsWithEveryRole() async throws {
        let signingKey = StaffTokenSigningKey.generate(id: "2026-12")
        let issuer = StaffTokenIssuer(signingKey: signingKey, issuer: TokenForge.issuer)
        let verifier = StaffTokenVerifier(keys: try StaffTokenKeySet(keys: [signingKey.publicKey]), policy: Self.policy)
        let claims = StaffClaims(staffId: "tk-cs-014", roles: [.customerService, .meterStock], unit: "PC05TK",
                                 expiresAt: Date(timeIntervalSince1970: (Date().timeIntervalSince1970 + 3600).rounded(.down)))
        let token = try await issuer.issue(claims, audience: [TokenForge.service])
        #expect(try await verifier.verify(token) == claims)
    }

    @Test func theDevelopmentSigningKeyIsTheDevelopmentKeySetsPrivateHalf() async throws {
        #expect(try StaffTokenKeySet(keys: [StaffTokenSigningKey.development.publicKey]) == .development)
        let verifier = StaffTokenVerifier(keys: .development, policy: Self.policy)
        let token = try await StaffTokenIssuer(signingKey: .development, issuer: TokenForge.issuer).issue(
            StaffClaims(staffId: "dev", roles: [.dispatcher], unit: "PC05TK", expiresAt: Date().addingTimeInterval(60)),
            audience: [TokenForge.service])
        #expect(try await verifier.verify(token).roles == [.dispatcher])
    }

    @Test func aTokenOfAnotherIssuerIsRefused() async throws {
        var payload = TokenForge.payload()
        payload.iss = IssuerClaim(value: "someone-else")
        #expect(try await refusal(payload) == .wrongIssuer)
    }

    @Test func aTokenForOtherServicesIsRefused() async throws {
        var payload = TokenForge.payload()
        payload.aud = AudienceClaim(value: ["households", "metering"])
        #expect(try await refusal(payload) == .wrongAudience)
    }

    @Test(arguments: ["iss", "aud", "sub", "roles", "unit", "iat", "nbf", "exp", "jti"])
    func aTokenLackingAClaimIsRefusedNamingIt(claim: String) async throws {
        var payload = TokenForge.payload()
        switch claim {
        case "iss": payload.iss = nil
        case "aud": payload.aud = nil
        case "sub": payload.sub = nil
        case "roles": payload.roles = []
        case "unit": payload.unit = nil
        case "iat": payload.iat = nil
        case "nbf": payload.nbf = nil
        case "exp": payload.exp = nil
        default: payload.jti = nil
        }
        #expect(try await refusal(payload) == .missingClaim(claim))
    }

    @Test func anExpiredTokenIsRefusedOnceTheClockSkewHasPassed() async throws {
        let token = try await Self.forge.sign(TokenForge.payload())
        let end = TokenForge.start.addingTimeInterval(3600)
        #expect(await refusal(token, at: end.addingTimeInterval(59)) == nil)
        #expect(await refusal(token, at: end.addingTimeInterval(61)) == .expired)
    }

    @Test func aTokenAcceptedBeforeIsRefusedWithOneByteOfItsSignatureChanged() async throws {
        let verifier = StaffTokenVerifier(keys: Self.forge.keySet, policy: Self.policy)
        let token = try await Self.forge.sign(TokenForge.payload())
        #expect(await refusal(token, by: verifier) == nil)
        #expect(await refusal(token, by: verifier) == nil)
        // A character in the middle of the signature: every bit of it counts (the last one's do not all).
        var characters = Array(token)
        let index = characters.count - 20
        characters[index] = characters[index] == "A" ? "B" : "A"
        let forged = String(characters)
        #expect(await refusal(forged, by: verifier) == .signature)
        #expect(await refusal(token, by: verifier) == nil)
    }

    @Test func aTokenNotYetValidIsRefusedBeyondTheClockSkew() async throws {
        var payload = TokenForge.payload()
        payload.nbf = NotBeforeClaim(value: TokenForge.start.addingTimeInterval(1800))
        #expect(try await refusal(payload, at: TokenForge.start.addingTimeInterval(1741)) == nil)
        #expect(try await refusal(payload, at: TokenForge.start.addingTimeInterval(1739)) == .notYetValid)
        #expect(try await refusal(TokenForge.payload(), at: TokenForge.start.addingTimeInterval(-61)) == .notYetValid)
    }

    @Test func aTokenIssuedForLongerThanTheCapIsRefused() async throws {
        var payload = TokenForge.payload()
        payload.exp = ExpirationClaim(value: TokenForge.start.addingTimeInterval(12 * 3600 + 1))
        #expect(try await refusal(payload) == .lifetimeTooLong)
        payload.exp = ExpirationClaim(value: TokenForge.start.addingTimeInterval(12 * 3600))
        #expect(try await refusal(payload) == nil)
    }

    @Test func aTokenNamingAnUnknownKeyOrNoneIsRefused() async throws {
        #expect(await refusal(try await Self.forge.sign(TokenForge.payload(), kid: "2025-01")) == .unknownKey)
        let noKid = try TokenForge.raw(header: #"{"alg":"ES256","typ":"JWT"}"#, payload: TokenForge.payload()) { _ in Data(count: 64) }
        #expect(await refusal(noKid) == .unknownKey)
    }

    @Test func aTokenSignedWithAnotherKeyUnderATrustedKidIsRefused() async throws {
        let impostor = TokenForge(kid: Self.forge.kid)
        #expect(await refusal(try await impostor.sign(TokenForge.payload())) == .signature)
    }

    @Test func anUnsignedTokenIsRefused() async throws {
        let unsigned = try TokenForge.raw(header: #"{"alg":"none","kid":"2026-12"}"#, payload: TokenForge.payload()) { _ in Data() }
        #expect(await refusal(unsigned) == .algorithm("none"))
    }

    /// The public key is public: a forger who uses it as an HS256 secret must get nowhere.
    @Test func anHMACTokenKeyedWithThePublicKeyIsRefused() async throws {
        let publicPEM = Self.forge.key.publicKey.pemRepresentation
        let jwk = String(decoding: Self.forge.keySet.json, as: UTF8.self)
        for secret in [publicPEM, jwk] {
            let forged = try TokenForge.raw(header: #"{"alg":"HS256","kid":"2026-12"}"#, payload: TokenForge.payload()) { body in
                Data(HMAC<SHA256>.authenticationCode(for: body, using: SymmetricKey(data: Data(secret.utf8))))
            }
            #expect(await refusal(forged) == .algorithm("HS256"))
        }
    }

    @Test(arguments: ["", "garbage", "a.b.c", "a.b", "eyJhbGciOiJFUzI1NiJ9.e30"])
    func aMalformedTokenIsRefused(token: String) async {
        #expect(await refusal(token) != nil)
    }

    /// A key published beside the old one is trusted once the file has been looked at again;
    /// a key withdrawn is refused; a file that stops reading leaves the last good set in place.
    @Test func aRotatedKeySetIsPickedUpFromItsFileWithoutARestart() async throws {
        let old = Self.forge
        let new = TokenForge(kid: "2027-06")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("keys-\(UUID().uuidString).json")
        try old.keySet.json.write(to: file)
        let start = Self.during
        let verifier = StaffTokenVerifier(keys: old.keySet, policy: Self.policy, keysFile: file.path, refreshInterval: 30,
                                          clock: WallClock { start })
        let oldToken = try await old.sign(TokenForge.payload())
        let newToken = try await new.sign(TokenForge.payload())
        #expect(await refusal(newToken, at: start, by: verifier) == .unknownKey)

        try StaffTokenKeySet(keys: [old.publicKey, new.publicKey]).json.write(to: file)
        #expect(await refusal(newToken, at: start.addingTimeInterval(10), by: verifier) == .unknownKey)
        #expect(await refusal(newToken, at: start.addingTimeInterval(31), by: verifier) == nil)
        #expect(await refusal(oldToken, at: start.addingTimeInterval(31), by: verifier) == nil)

        try new.keySet.json.write(to: file)
        #expect(await refusal(oldToken, at: start.addingTimeInterval(62), by: verifier) == .unknownKey)

        try Data("{ broken".utf8).write(to: file)
        #expect(await refusal(newToken, at: start.addingTimeInterval(93), by: verifier) == nil)
        #expect(await refusal(oldToken, at: start.addingTimeInterval(93), by: verifier) == .unknownKey)
    }

    /// A production service never comes to trust the development key by a reload either.
    @Test func aReloadedSetWithTheDevelopmentKeyLeavesAProductionServiceOnItsOwnKeys() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("keys-\(UUID().uuidString).json")
        try Self.forge.keySet.json.write(to: file)
        let verifier = StaffTokenVerifier(keys: Self.forge.keySet, policy: Self.policy, keysFile: file.path,
                                          deployment: .production, clock: WallClock { Self.during })
        try StaffTokenKeySet.development.json.write(to: file)
        let later = Self.during.addingTimeInterval(31)
        let development = try await StaffTokenIssuer(signingKey: .development, issuer: TokenForge.issuer).issue(
            StaffClaims(staffId: "dev", roles: [.customerService], unit: "PC05TK", expiresAt: later.addingTimeInterval(60)),
            audience: [TokenForge.service], at: Self.during)
        #expect(await refusal(development, at: later, by: verifier) == .unknownKey)
        #expect(await refusal(try await Self.forge.sign(TokenForge.payload()), at: later, by: verifier) == nil)
    }

    /// A router with one endpoint for ticket work (customer service, branch heads) of the ticket's unit `PC05TK`.
    static func router(_ verifier: StaffTokenVerifier) -> Router<ServiceRequestContext> {
        let router = Router(context: ServiceRequestContext.self)
        router.get("tickets/1") { request, _ -> String in
            let staff = try await verifier.authenticate(request, for: .tickets)
            try staff.requireAccess(unit: "PC05TK")
            return staff.staffId
        }
        return router
    }

    @Test func theEndpointAnswersByTokenRolesAndUnit() async throws {
        let signingKey = StaffTokenSigningKey.generate(id: "2026-12")
        let issuer = StaffTokenIssuer(signingKey: signingKey, issuer: TokenForge.issuer)
        let verifier = StaffTokenVerifier(keys: try StaffTokenKeySet(keys: [signingKey.publicKey]), policy: Self.policy)
        func token(_ roles: Set<StaffRole>, unit: String = "PC05TK", for service: String = TokenForge.service) async throws -> String {
            try await issuer.issue(StaffClaims(staffId: "tk-cs-014", roles: roles, unit: unit,
                                               expiresAt: Date().addingTimeInterval(3600)), audience: [service])
        }
        let tokens: [String?] = [
            try await token([.customerService]), try await token([.meterStock, .customerService]),
            try await token([.customerService], unit: StaffClaims.corporationUnit),
            try await token([.customerService], unit: "PC05HA"), try await token([.fieldTechnician, .meterStock]),
            try await token([.customerService], for: "households"), nil, "garbage",
        ]
        try await Application(router: Self.router(verifier)).test(.router) { client in
            var answers: [HTTPResponse.Status] = []
            for token in tokens {
                var headers = HTTPFields()
                if let token { headers[.authorization] = "Bearer \(token)" }
                answers.append(try await client.execute(uri: "/tickets/1", method: .get, headers: headers).status)
            }
            #expect(answers == [.ok, .ok, .ok, .forbidden, .forbidden, .unauthorized, .unauthorized, .unauthorized])
        }
    }

    @Test func aRefusalSaysWhyInVietnameseAndEnglish() async throws {
        try await Application(router: Self.router(Self.verifier)).test(.router) { client in
            let response = try await client.execute(uri: "/tickets/1", method: .get)
            let body = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
            let error = try #require((body?["errors"] as? [[String: Any]])?.first)
            #expect(error["code"] as? String == "auth.token_invalid")
            let message = try #require(error["message"] as? [String: String])
            #expect(message["vi"]?.isEmpty == false && message["en"]?.isEmpty == false)
        }
    }
}
