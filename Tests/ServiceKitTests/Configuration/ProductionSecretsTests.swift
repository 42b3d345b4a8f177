import Foundation
import Messaging
import Testing
import ServiceKit

/// Outside development a service refuses to start on a secret anyone could know: unset, empty,
/// too short, or one this repository ships. The error names the variable and never the value.
@Suite struct ProductionSecretsTests {
    /// Secrets of a real deployment: long, random, none of them in the repository; and its own
    /// staff token key set.
    static let own = [
        "AMQP_URL": "amqp://intake:Zq8vN3xLr0TfWk2u@broker.internal:5672/evn",
        "STAFF_TOKEN_KEYS_FILE": StaffTokenKeySetFiles.deployment.path,
        "PERSONAL_DATA_KEY": "q83vEjRWeJq83vEjRWeJq83vEjRWeJq83vEjRWeJq8M=",
    ]

    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    private func refusal(_ environment: [String: String]) throws -> ConfigurationError {
        try #require(throws: ConfigurationError.self) {
            try ServiceConfiguration(service: "intake", environment: environment)
        }
    }

    @Test func aDeploymentWithItsOwnSecretsStarts() throws {
        let configuration = try ServiceConfiguration(service: "intake", environment: Self.own)
        #expect(configuration.deploymentEnvironment == .production)
        #expect(configuration.staffTokens.keysFile == Self.own["STAFF_TOKEN_KEYS_FILE"])
        #expect(configuration.staffTokens.keys == StaffTokenKeySetFiles.deploymentKeys)
    }

    @Test(arguments: ["AMQP_URL", "STAFF_TOKEN_KEYS_FILE", "PERSONAL_DATA_KEY"])
    func anUnsetOrEmptySecretIsRefusedUnlessInDevelopment(variable: String) throws {
        var unset = Self.own
        unset[variable] = nil
        #expect(try refusal(unset).variable == variable)
        #expect(try refusal(Self.own.merging([variable: ""]) { $1 }).variable == variable)
        #expect(try refusal(unset.merging(["EVN_ENV": "production"]) { $1 }).variable == variable)
        _ = try ServiceConfiguration(service: "intake", environment: unset.merging(["EVN_ENV": "development"]) { $1 })
    }

    @Test(arguments: [
        ("AMQP_URL", "amqp://intake:short@broker.internal:5672/evn"),
    ])
    func aShortSecretIsRefused(variable: String, value: String) throws {
        let error = try refusal(Self.own.merging([variable: value]) { $1 })
        #expect(error.variable == variable)
        #expect(error.description.contains("characters or more"))
    }

    @Test(arguments: [
        ("AMQP_URL", "amqp://evn:evn@127.0.0.1:5672/evn"),
        ("AMQP_URL", "amqp://broker.internal:5672/evn"),
        ("AMQP_URL", "amqp://crm:dev-only-crm-broker-password@evn-broker:5672/evn"),
        ("PERSONAL_DATA_KEY", "ZGV2ZWxvcG1lbnQtb25seS1rZXktZG8tbm90LWRlcGw="),
        ("PERSONAL_DATA_KEY", "ZGV2LW9ubHktY3JtLXBlcnNvbmFsLWRhdGEta2V5eHg="),
    ])
    func aDevelopmentValueIsRefusedNamingTheVariableNotTheValue(variable: String, value: String) throws {
        let error = try refusal(Self.own.merging([variable: value]) { $1 })
        #expect(error.variable == variable)
        #expect(error.value == nil)
        #expect(error.description.contains(variable))
        #expect(error.description.contains("public development value"))
        for secret in [value, "dev-only-crm-broker-password", "evn:evn"] {
            #expect(!error.description.contains(secret))
        }
    }

    /// The development Kubernetes overlay's Secrets are public: production refuses each of them.
    @Test func everyPlaceholderOfTheDevelopmentOverlayIsRefused() throws {
        let overlay = try String(contentsOf: Self.repository.appendingPathComponent(
            "deploy/k8s/overlays/dev/kustomization.yaml"), encoding: .utf8)
        let placeholders = overlay.split(separator: "\n").compactMap { line -> (String, String)? in
            let literal = line.trimmingCharacters(in: .whitespaces)
            for (key, variable) in [("- password=", "AMQP_URL"), ("- personal-data-key=", "PERSONAL_DATA_KEY")]
                where literal.hasPrefix(key) {
                let value = String(literal.dropFirst(key.count))
                return (variable, variable == "AMQP_URL" ? "amqp://intake:\(value)@evn-broker:5672/evn" : value)
            }
            return nil
        }
        #expect(placeholders.count == 15)
        for (variable, value) in placeholders {
            let error = try refusal(Self.own.merging([variable: value]) { $1 })
            #expect(error.variable == variable, "\(variable) from the overlay was accepted")
        }
    }

    /// A value that cannot be parsed is not echoed either: an `AMQP_URL` carries its password.
    @Test func anUnusableSecretBearingValueIsNotEchoed() throws {
        let url = "amqps//intake:Zq8vN3xLr0TfWk2u@broker.internal"
        let error = try refusal(Self.own.merging(["AMQP_URL": url]) { $1 })
        #expect(error.variable == "AMQP_URL")
        #expect(error.value == nil)
        #expect(!error.description.contains("Zq8vN3xLr0TfWk2u"))
    }

    @Test func theBrokerClientsURLErrorLeavesThePasswordOut() throws {
        let error = try #require(throws: AMQPError.self) {
            try AMQPURL("amqp://intake:Zq8vN3xLr0TfWk2u@broker.internal:5672/evn/extra")
        }
        #expect(error.description.contains("vhost"))
        #expect(!error.description.contains("Zq8vN3xLr0TfWk2u"))
    }

    @Test func aSecretPolicyAppliesToAnyVariable() throws {
        let policy = SecretPolicy.personalDataKey
        #expect(throws: ConfigurationError.self) {
            try policy.check("ZGV2ZWxvcG1lbnQtb25seS1rZXktZG8tbm90LWRlcGw=", of: "PERSONAL_DATA_KEYS", in: .production)
        }
        try policy.check("q83vEjRWeJq83vEjRWeJq83vEjRWeJq83vEjRWeJq8M=", of: "PERSONAL_DATA_KEYS", in: .production)
        try policy.check(nil, of: "PERSONAL_DATA_KEYS", in: .development)
    }
}
