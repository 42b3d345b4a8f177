import Foundation
import Hummingbird
import HummingbirdTesting
import ServiceKit
import StaffAuth
import Testing

/// Staff tokens as an endpoint sees them: who is calling, in which role and unit.
@Suite struct StaffTokenAuthorityTests {
    static let secret = "a-test-secret-of-at-least-thirty-two-characters"

    static func claims(role: StaffRole = .customerService, unit: String = "PC05TK",
                       expiresIn seconds: TimeInterval = 3600) -> StaffClaims {
        StaffClaims(staffId: "tk-cs-014", role: role, unit: unit,
                    expiresAt: Date(timeIntervalSince1970: (Date().timeIntervalSince1970 + seconds).rounded(.down)))
    }

    /// A router with one endpoint for customer-service staff of the ticket's unit `PC05TK`.
    static func router(_ authority: StaffTokenAuthority) -> Router<ServiceRequestContext> {
        let router = Router(context: ServiceRequestContext.self)
        router.get("tickets/1") { request, _ -> String in
            let staff = try await authority.authenticate(request, allowing: [.customerService])
            try staff.requireAccess(unit: "PC05TK")
            return staff.staffId
        }
        return router
    }

    @Test func anIssuedTokenVerifiesToItsClaims() async throws {
        let authority = StaffTokenAuthority(secret: Self.secret)
        let claims = Self.claims()
        #expect(try await authority.verify(authority.issue(claims)) == claims)
    }

    @Test func aTokenSignedWithAnotherSecretOrExpiredIsRefused() async throws {
        let authority = StaffTokenAuthority(secret: Self.secret)
        let forged = try await StaffTokenAuthority(secret: Self.secret + "x").issue(Self.claims())
        let expired = try await authority.issue(Self.claims(expiresIn: -60))
        for token in [forged, expired, "not.a.token"] {
            await #expect(throws: APIError.self) { try await authority.verify(token) }
        }
    }

    @Test func theEndpointAnswersByTokenRoleAndUnit() async throws {
        let authority = StaffTokenAuthority(secret: Self.secret)
        let own = try await authority.issue(Self.claims())
        let otherUnit = try await authority.issue(Self.claims(unit: "PC05HA"))
        let corporation = try await authority.issue(Self.claims(unit: StaffClaims.corporationUnit))
        let wrongRole = try await authority.issue(Self.claims(role: .fieldTechnician))
        let app = Application(router: Self.router(authority))
        try await app.test(.router) { client in
            func status(_ token: String?) async throws -> HTTPResponse.Status {
                var headers = HTTPFields()
                if let token { headers[.authorization] = "Bearer \(token)" }
                return try await client.execute(uri: "/tickets/1", method: .get, headers: headers).status
            }
            let answers = [
                try await status(own), try await status(corporation), try await status(otherUnit),
                try await status(wrongRole), try await status(nil), try await status("garbage"),
            ]
            #expect(answers == [.ok, .ok, .forbidden, .forbidden, .unauthorized, .unauthorized])
        }
    }

    @Test func aRefusalSaysWhyInVietnameseAndEnglish() async throws {
        let app = Application(router: Self.router(StaffTokenAuthority(secret: Self.secret)))
        try await app.test(.router) { client in
            let response = try await client.execute(uri: "/tickets/1", method: .get)
            let body = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
            let error = try #require((body?["errors"] as? [[String: Any]])?.first)
            #expect(error["code"] as? String == "auth.token_invalid")
            let message = try #require(error["message"] as? [String: String])
            #expect(message["vi"]?.isEmpty == false && message["en"]?.isEmpty == false)
        }
    }
}
