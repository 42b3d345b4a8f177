import Foundation
import ServiceKit
import Testing

/// The messaging settings: the broker's CA file, dead-letter retention and outbox parking.
@Suite struct MessagingConfigurationTests {
    @Test func theDefaultsTrustTheSystemCAsKeepDeadLettersAWeekAndParkAfterAMinute() throws {
        let configuration = try ServiceConfiguration(service: "crm", environment: ["EVN_ENV": "development"])
        #expect(configuration.amqpCAFile == nil)
        #expect(configuration.deadLetterRetention == .seconds(7 * 86_400))
        #expect(configuration.outboxParkAfter == .seconds(60))
        #expect(configuration.broker("relay").caFile == nil)
    }

    @Test func aReadableCAFileReachesEveryBrokerConnection() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("ca-\(UUID().uuidString).pem")
        try Data("-----BEGIN CERTIFICATE-----\n".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let configuration = try ServiceConfiguration(service: "crm", environment: [
            "AMQP_URL": "amqps://crm:secret@broker.local/evn", "AMQP_CA_FILE": file.path,
            "DEAD_LETTER_RETENTION_HOURS": "24", "OUTBOX_PARK_AFTER_SECONDS": "300", "EVN_ENV": "development",
        ])
        #expect(configuration.brokerNodes.urls.map(\.tls) == [true])
        #expect(configuration.broker("consumer").caFile == file.path)
        #expect(configuration.broker("lookups").caFile == file.path)
        #expect(configuration.deadLetterRetention == .seconds(86_400))
        #expect(configuration.outboxParkAfter == .seconds(300))
    }

    @Test(arguments: [
        ("AMQP_CA_FILE", "/nonexistent/ca.pem"),
        ("DEAD_LETTER_RETENTION_HOURS", "0"),
        ("OUTBOX_PARK_AFTER_SECONDS", "-1"),
    ])
    func aValueThatCannotBeUsedIsRejectedByName(variable: String, value: String) throws {
        let error = try #require(throws: ConfigurationError.self) {
            try ServiceConfiguration(service: "crm", environment: [variable: value, "EVN_ENV": "development"])
        }
        #expect(error.variable == variable)
    }
}
