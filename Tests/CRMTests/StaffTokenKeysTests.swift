import CRM
import Foundation
import ServiceKit
import StaffAuth
import StaffTokenIssuing
import Testing
import TestSupport

/// crm as deployed: given its deployment's public key set, it takes the tokens the deployment's
/// issuer signs and refuses the development key's, saying why in its log.
@Suite struct StaffTokenKeysTests {
    @Test func aServiceTakesItsIssuersTokensAndRefusesTheDevelopmentKeys() async throws {
        let signingKey = StaffTokenSigningKey.generate(id: "2026-12")
        let keysFile = FileManager.default.temporaryDirectory.appendingPathComponent("crm-keys-\(UUID().uuidString).json")
        try StaffTokenKeySet(keys: [signingKey.publicKey]).json.write(to: keysFile)
        defer { try? FileManager.default.removeItem(at: keysFile) }
        try await ServiceHarness<CRMService>.run(observing: [], environment: ["STAFF_TOKEN_KEYS_FILE": keysFile.path]) { crm in
            let issuer = StaffTokenIssuer(signingKey: signingKey, issuer: crm.host.context.configuration.staffTokens.issuer)
            let own = try await issuer.issue(
                StaffClaims(staffId: "tk-cs-014", roles: [.customerService], unit: "PC05TK",
                            expiresAt: Date().addingTimeInterval(3600)),
                audience: [CRMService.name])
            #expect(try await crm.get("api/v1/tickets", token: own).status == 200)

            let development = try await crm.token(.customerService, unit: "PC05TK")
            #expect(try await crm.get("api/v1/tickets", token: development).status == 401)
            #expect(crm.logs.contains("staff token refused", where: "reason", is: "unknownKey"))
        }
    }
}
