import Foundation
import Hummingbird
import SignIn
import StaffAuth
import TestSupport
import Testing

/// Service accounts get tokens with the client-credentials grant, never with a shared secret.
@Suite struct ClientCredentialsTests {
    let signIn: SignInUnderTest
    let administration: ServiceAccountAdministration
    static let account = ServiceAccount(clientId: "svc-billing-export", roles: [.customerService], unit: "PC05TK")

    init() throws {
        signIn = try SignInUnderTest()
        administration = try ServiceAccountAdministration(configuration: signIn.host.context.configuration)
    }

    private func basic(_ id: String, _ secret: String) -> String {
        "Basic " + Data("\(id):\(secret)".utf8).base64EncodedString()
    }

    /// `POST /oauth/token` with `form` and `authorization`: status and JSON body.
    private func token(_ form: [String: String], authorization: String? = nil) async throws -> (HTTPResponse.Status, [String: Any]) {
        let (status, body) = try await signIn.browse { browser in
            let answer = try await browser.post("/oauth/token", form: form, authorization: authorization)
            return (answer.status, answer.body)
        }
        return (status, try JSONSerialization.jsonObject(with: Data(body.utf8)) as! [String: Any])
    }

    @Test func anAccountsSecretGetsAShortTokenEveryServiceAcceptsWithItsRolesAndUnit() async throws {
        let secret = try await administration.create(Self.account)
        let (status, body) = try await token(["grant_type": "client_credentials"], authorization: basic(Self.account.clientId, secret))
        #expect(status == .ok)
        #expect(body["token_type"] as? String == "Bearer")
        #expect(body["expires_in"] as? Int == 300)
        let claims = try await signIn.claims(of: body["access_token"] as? String, for: "crm")
        #expect(claims.staffId == "svc-billing-export")
        #expect(claims.roles == [.customerService])
        #expect(claims.unit == "PC05TK")
        let (formStatus, _) = try await token(["grant_type": "client_credentials", "client_id": Self.account.clientId,
                                               "client_secret": secret])
        #expect(formStatus == .ok)
    }

    @Test func aWrongSecretAnUnknownAccountAndARevokedOneAreInvalidClients() async throws {
        let secret = try await administration.create(Self.account)
        let form = ["grant_type": "client_credentials"]
        #expect(try await token(form, authorization: basic(Self.account.clientId, "not-the-secret")).1["error"] as? String == "invalid_client")
        #expect(try await token(form, authorization: basic("svc-nobody", secret)).0 == .unauthorized)
        #expect(try await administration.revoke(Self.account.clientId))
        let (status, body) = try await token(form, authorization: basic(Self.account.clientId, secret))
        #expect(status == .unauthorized)
        #expect(body["error"] as? String == "invalid_client")
    }

    @Test func anotherGrantIsUnsupported() async throws {
        let (status, body) = try await token(["grant_type": "password", "username": "tk-cs-01", "password": "x"])
        #expect(status == .badRequest)
        #expect(body["error"] as? String == "unsupported_grant_type")
    }

    @Test func theSecretIsStoredOnlyHashed() async throws {
        let secret = try await administration.create(Self.account)
        #expect(try StoreFileScan.plainTexts([secret], in: signIn.host.context.store.database).isEmpty)
    }

    @Test(arguments: [
        ServiceAccount(clientId: "Svc Billing", roles: [.customerService], unit: "PC05TK"),
        ServiceAccount(clientId: "svc-billing", roles: [], unit: "PC05TK"),
        ServiceAccount(clientId: "svc-billing", roles: [.dispatcher], unit: "pc05tk; drop"),
    ])
    func anAccountWithABadIdNoRoleOrABadUnitIsNotCreated(account: ServiceAccount) async throws {
        await #expect(throws: ServiceAccountBook.Refusal.self) { try await administration.create(account) }
    }
}
