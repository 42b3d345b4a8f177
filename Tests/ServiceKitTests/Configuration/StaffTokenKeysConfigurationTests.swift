import Foundation
import ServiceKit
import Testing

/// A service checks staff tokens with public keys only: outside development it needs its
/// deployment's own key set, and refuses one that could sign tokens or that anyone could.
@Suite struct StaffTokenKeysConfigurationTests {
    static let production = ProductionSecretsTests.own

    private func refusal(_ environment: [String: String]) throws -> ConfigurationError {
        try #require(throws: ConfigurationError.self) {
            try ServiceConfiguration(service: "crm", environment: environment)
        }
    }

    private func withKeys(_ file: URL) -> [String: String] {
        Self.production.merging(["STAFF_TOKEN_KEYS_FILE": file.path]) { $1 }
    }

    @Test func developmentWithoutAKeySetTrustsTheDevelopmentKey() throws {
        let configuration = try ServiceConfiguration(service: "crm", environment: ["EVN_ENV": "development"])
        #expect(configuration.staffTokens.keys == .development)
        #expect(configuration.staffTokens.keysFile == nil)
    }

    @Test func productionWithoutAKeySetDoesNotStart() throws {
        let error = try refusal(Self.production.merging(["STAFF_TOKEN_KEYS_FILE": ""]) { $1 })
        #expect(error.variable == "STAFF_TOKEN_KEYS_FILE")
        #expect(error.description.contains("not set"))
    }

    @Test func aKeySetHoldingAPrivateKeyIsRefusedEvenInDevelopment() throws {
        let key = StaffTokenKeySetFiles.deploymentKey
        let file = StaffTokenKeySetFiles.write("private", """
            {"keys": [{"kty": "EC", "crv": "P-256", "kid": "\(key.kid)", "x": "\(key.x)", "y": "\(key.y)",
                       "d": "\(StaffTokenKeySetFiles.deploymentPrivateScalar)"}]}
            """)
        for environment in [withKeys(file), withKeys(file).merging(["EVN_ENV": "development"]) { $1 }] {
            let error = try refusal(environment)
            #expect(error.variable == "STAFF_TOKEN_KEYS_FILE")
            #expect(error.description.contains("private key"))
            #expect(!error.description.contains(StaffTokenKeySetFiles.deploymentPrivateScalar))
        }
    }

    @Test func aSharedSecretKeyIsRefused() throws {
        let file = StaffTokenKeySetFiles.write("hmac", #"{"keys": [{"kty": "oct", "kid": "hs", "k": "c2VjcmV0"}]}"#)
        #expect(try refusal(withKeys(file)).description.contains("private key"))
    }

    /// The development key's private half is in the repository: production refuses its set,
    /// as the code holds it and as the development Kubernetes overlay mounts it.
    @Test func productionRefusesTheDevelopmentKeySet() throws {
        let overlay = try String(contentsOf: ProductionSecretsTests.repository.appendingPathComponent(
            "deploy/k8s/overlays/dev/kustomization.yaml"), encoding: .utf8)
        let literal = try #require(overlay.split(separator: "\n").first { $0.contains("'keys.json=") })
        let overlaySet = String(literal.split(separator: "=", maxSplits: 1)[1].dropLast())
        for file in [StaffTokenKeySetFiles.write("overlay", overlaySet),
                     StaffTokenKeySetFiles.write("development", StaffTokenKeySet.development.json)] {
            let error = try refusal(withKeys(file))
            #expect(error.variable == "STAFF_TOKEN_KEYS_FILE")
            #expect(error.description.contains("development key"))
            let development = try ServiceConfiguration(service: "crm", environment: withKeys(file).merging(["EVN_ENV": "development"]) { $1 })
            #expect(development.staffTokens.keys == .development)
        }
    }

    @Test(arguments: [
        ("missing", nil),
        ("not-json", "keys: none"),
        ("empty", #"{"keys": []}"#),
        ("not-on-the-curve", #"{"keys": [{"kty": "EC", "crv": "P-256", "kid": "a", "x": "AAAA", "y": "AAAA"}]}"#),
        ("rsa", #"{"keys": [{"kty": "RSA", "kid": "r", "n": "AQAB", "e": "AQAB"}]}"#),
        ("no-kid", #"{"keys": [{"kty": "EC", "crv": "P-256", "x": "uu6zDCYKdHlWaKnK0BM0EBIxIEfZFYSNiYhIrOy8UrE", "y": "430yE3FilxDKQ3FmTHL_RvOpRVtFH8uwg7lHZDnM28Y"}]}"#),
    ] as [(String, String?)])
    func anUnusableKeySetIsRefusedNamingTheVariable(name: String, text: String?) throws {
        let file = text.map { StaffTokenKeySetFiles.write(name, $0) }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("no-such-\(UUID().uuidString).json")
        #expect(try refusal(withKeys(file)).variable == "STAFF_TOKEN_KEYS_FILE")
    }

    @Test func twoKeysWithOneIdAreRefused() throws {
        let key = StaffTokenKeySetFiles.deploymentKey
        #expect(throws: StaffTokenKeySet.Invalid.self) { try StaffTokenKeySet(keys: [key, key]) }
    }

    @Test func theTimeLimitsAreRead() throws {
        let configuration = try ServiceConfiguration(service: "crm", environment: Self.production.merging([
            "STAFF_TOKEN_ISSUER": "https://dang-nhap.evn.example.vn", "STAFF_TOKEN_CLOCK_SKEW_SECONDS": "30",
            "STAFF_TOKEN_MAX_LIFETIME_HOURS": "10",
        ]) { $1 })
        #expect(configuration.staffTokens.issuer == "https://dang-nhap.evn.example.vn")
        #expect(configuration.staffTokens.clockSkew == 30)
        #expect(configuration.staffTokens.maxLifetime == 36_000)
        for (variable, value) in [("STAFF_TOKEN_CLOCK_SKEW_SECONDS", "301"), ("STAFF_TOKEN_MAX_LIFETIME_HOURS", "0"),
                                  ("STAFF_TOKEN_MAX_LIFETIME_HOURS", "745")] {
            #expect(try refusal(Self.production.merging([variable: value]) { $1 }).variable == variable)
        }
    }
}
