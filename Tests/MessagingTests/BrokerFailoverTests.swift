import Messaging
import TestSupport
import Testing

/// A component given several nodes reaches the broker through the first one that answers.
@Suite struct BrokerFailoverTests {
    @Test func aDeadFirstNodeIsPassedOverAndTheLiveOneKept() async throws {
        let broker = try await BrokerFixture.make("failover")
        var dead = broker.url
        dead.host = "127.0.0.1"
        dead.port = 1
        let nodes = BrokerNodes([dead, broker.url])
        let publisher = Publisher(broker: BrokerSettings(nodes: nodes, connectionName: "t"))

        try await publisher.publish(.event(Envelope(routingKey: "a.b.c", appId: "t", body: .init())))

        #expect(nodes.preferred == broker.url)
        await broker.tearDown()
    }

    @Test func whenNoNodeAnswersTheLastOnesErrorIsReported() async throws {
        let nodes = BrokerNodes([AMQPURL(host: "127.0.0.1", port: 1), AMQPURL(host: "127.0.0.1", port: 2)])
        let publisher = Publisher(broker: BrokerSettings(nodes: nodes, connectionName: "t"))
        await #expect {
            try await publisher.publish(.event(Envelope(routingKey: "a.b.c", appId: "t", body: .init())))
        } throws: { error in
            guard case .connectionRefused(host: "127.0.0.1", port: 2, _) = error as? AMQPError else { return false }
            return true
        }
    }
}
