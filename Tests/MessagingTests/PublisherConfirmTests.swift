import Foundation
@testable import Messaging
import TestSupport
import Testing

@Suite struct PublisherConfirmTests {
    @Test func publishingToAMissingExchangeIsAnErrorAndThePublisherRecovers() async throws {
        let broker = try await BrokerFixture.make("confirm")
        let publisher = Publisher(broker: broker.settings("confirm/publisher"))
        let envelope = Envelope(routingKey: "x.y.z", appId: "t", body: Data("{}".utf8))
        await #expect {
            try await publisher.publish(OutgoingMessage(exchange: "no.such.exchange", routingKey: "x.y.z",
                                                        mandatory: false, envelope: envelope))
        } throws: { error in
            guard case let .channelClosed(code, text) = error as? AMQPError else { return false }
            return code == 404 && text.contains("no.such.exchange")
        }
        try await publisher.publish(.event(envelope))
        await broker.tearDown()
    }

    @Test func aCommandNoQueueTakesIsReportedUnroutable() async throws {
        let broker = try await BrokerFixture.make("unroutable")
        let publisher = Publisher(broker: broker.settings("unroutable/publisher"))
        let envelope = Envelope(routingKey: "nobody.listens", appId: "t", body: Data("{}".utf8))
        await #expect(throws: AMQPError.unroutable(messageId: envelope.messageId, text: "312 NO_ROUTE")) {
            try await publisher.publish(.command(envelope))
        }
        await broker.tearDown()
    }

    @Test func theOutboxKeepsACommandUntilItsTargetQueueExists() async throws {
        let broker = try await BrokerFixture.make("held")
        let sender = try TestService("sender", broker: broker)
        let target = try TestService("target", broker: broker)
        let relay = RunningServices([sender.relay()])
        let command = OutgoingMessage.command(Envelope(routingKey: "target.do-it", appId: "sender",
                                                       body: try Envelope.encode(["value": "done"])))
        try sender.enqueue([command])
        try await eventually("the relay tried and the broker returned the command") {
            try await sender.store.pool.read { db in
                try Outbox(service: "svc").pending(in: db, limit: 1).first?.lastError
            }?.contains("unroutable") == true
        }
        var handlers = MessageHandlers()
        handlers.onCommand("target.do-it", TestService.recordValue)
        let consumer = RunningServices([target.consumer(handlers)])
        try await eventually("the command reached its target once the queue existed") {
            try target.effects() == ["done"]
        }
        await consumer.stop()
        await relay.stop()
        await broker.tearDown()
    }
}
