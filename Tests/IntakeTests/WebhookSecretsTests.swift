import Foundation
@testable import Intake
import ServiceKit
import Testing

/// The SMS gateway's and the PBX's shared secrets: a production intake does not start on a
/// missing or public one.
@Suite struct WebhookSecretsTests {
    static let own = [
        "SMS_INBOUND_SECRET": "this-deployments-own-sms-gateway-secret-0123",
        "TELEPHONY_WEBHOOK_SECRET": "this-deployments-own-telephony-secret-0123",
    ]

    @Test func productionStartsOnItsOwnSecrets() throws {
        let settings = try IntakeSettings(environment: Self.own, deployment: .production)
        #expect(settings.smsInboundSecret == Self.own["SMS_INBOUND_SECRET"])
        #expect(settings.telephonyWebhookSecret == Self.own["TELEPHONY_WEBHOOK_SECRET"])
    }

    @Test(arguments: ["SMS_INBOUND_SECRET", "TELEPHONY_WEBHOOK_SECRET"])
    func productionRefusesAMissingShortOrDevelopmentSecret(variable: String) {
        for value in [nil, "", "too-short", IntakeSettings.developmentSMSInboundSecret, IntakeSettings.developmentTelephonySecret] {
            var environment = Self.own
            environment[variable] = value
            let error = #expect(throws: ConfigurationError.self) {
                try IntakeSettings(environment: environment, deployment: .production)
            }
            #expect(error?.variable == variable)
            if let value, !value.isEmpty { #expect(!"\(error!)".contains(value)) }
        }
    }

    @Test func developmentFallsBackToThePublicSecrets() throws {
        let settings = try IntakeSettings(environment: [:], deployment: .development)
        #expect(settings.smsInboundSecret == IntakeSettings.developmentSMSInboundSecret)
        #expect(settings.telephonyWebhookSecret == IntakeSettings.developmentTelephonySecret)
    }
}
