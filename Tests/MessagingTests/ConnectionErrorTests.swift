import Messaging
import TestSupport
import Testing

/// What an operator reads when the broker cannot be used: each cause named, none confused with another.
@Suite struct ConnectionErrorTests {
    @Test func nothingListeningIsAConnectionRefused() async throws {
        let publisher = Publisher(broker: BrokerSettings(url: AMQPURL(host: "127.0.0.1", port: 1), connectionName: "t"))
        await #expect {
            try await publisher.publish(.event(Envelope(routingKey: "a.b.c", appId: "t", body: .init())))
        } throws: { error in
            guard case .connectionRefused(host: "127.0.0.1", port: 1, _) = error as? AMQPError else { return false }
            return true
        }
    }

    @Test func aWrongPasswordIsAnAuthenticationFailure() async throws {
        let broker = try await BrokerFixture.make("auth")
        var url = broker.url
        url.password = "wrong-password"
        let publisher = Publisher(broker: BrokerSettings(url: url, connectionName: "t"))
        await #expect(throws: AMQPError.authenticationFailed(user: url.user)) {
            try await publisher.publish(.event(Envelope(routingKey: "a.b.c", appId: "t", body: .init())))
        }
        await broker.tearDown()
    }

    @Test func aMissingVhostIsNamed() async throws {
        let broker = try await BrokerFixture.make("vhost")
        let url = broker.url.with(vhost: "no-such-vhost-\(broker.vhost)")
        let publisher = Publisher(broker: BrokerSettings(url: url, connectionName: "t"))
        await #expect(throws: AMQPError.vhostNotFound(url.vhost)) {
            try await publisher.publish(.event(Envelope(routingKey: "a.b.c", appId: "t", body: .init())))
        }
        await broker.tearDown()
    }
}
