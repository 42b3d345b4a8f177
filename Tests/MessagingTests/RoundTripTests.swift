@testable import Messaging
import Foundation
import Synchronization
import TestSupport
import Testing

@Suite struct RoundTripTests {
    @Test func anEventWrittenToTheOutboxArrivesWithEveryEnvelopeField() async throws {
        let broker = try await BrokerFixture.make("roundtrip")
        let producer = try TestService("producer", broker: broker)
        let consumer = try TestService("consumer", broker: broker)
        let received = Mutex<[IncomingMessage]>([])
        var handlers = MessageHandlers()
        handlers.onEvent("producer.meter.installed") { message, db in
            received.withLock { $0.append(message) }
            try TestService.recordValue(message, db)
        }
        let services = RunningServices([consumer.consumer(handlers), producer.relay()])
        try await consumer.waitUntilConsuming()

        let sent = Envelope(routingKey: "producer.meter.installed", version: 3,
                            timestamp: Date(timeIntervalSince1970: 1_764_400_000), correlationId: "QNA-2611-000042",
                            causationId: "cause-1", appId: "producer", body: try Envelope.encode(["value": "Tam Kỳ"]))
        try producer.enqueue([.event(sent)])
        try await eventually("delivered") { try consumer.effects() == ["Tam Kỳ"] }

        let message = try #require(received.withLock { $0.first })
        #expect(message.envelope == sent)
        #expect(message.exchange == "evn.events")
        #expect(message.routingKey == "producer.meter.installed")
        #expect(!message.redelivered)
        let unsent = try await producer.store.pool.read { db in try Outbox(service: "producer").backlog(in: db) }
        #expect(unsent == 0)
        await services.stop()
        await broker.tearDown()
    }

    @Test func rowsWrittenBeforeTheRelayStartsGoOutWhenItDoesInOrder() async throws {
        let broker = try await BrokerFixture.make("restarted-relay")
        let producer = try TestService("producer", broker: broker)
        let consumer = try TestService("consumer", broker: broker)
        var handlers = MessageHandlers()
        handlers.onEvent("producer.reading.taken", TestService.recordValue)
        let consuming = RunningServices([consumer.consumer(handlers)])
        try await consumer.waitUntilConsuming()
        let values = (1...50).map { "r\($0)" }
        for value in values { try producer.enqueue([try producer.event("producer.reading.taken", value: value)]) }
        let waiting = try await producer.store.pool.read { db in try producer.outbox.backlog(in: db) }
        #expect(waiting == values.count, "every row waits in the outbox")
        #expect(try consumer.effects().isEmpty, "nothing leaves before a relay runs")

        let relaying = RunningServices([producer.relay()])
        try await eventually("every row arrived") { try consumer.effects().count == values.count }
        #expect(try consumer.effects() == values)
        await relaying.stop()
        await consuming.stop()
        await broker.tearDown()
    }

    @Test func aPlainAMQPClientReadsEveryEnvelopeField() async throws {
        let broker = try await BrokerFixture.make("wire")
        let connection = try AMQPConnection(url: broker.url, name: "observer", heartbeatSeconds: 0)
        try Exchange.declareAll(on: connection)
        try connection.declareQueue("observer")
        try connection.bindQueue("observer", exchange: Exchange.events, routingKey: "#")
        connection.close()

        let producer = try TestService("producer", broker: broker)
        let sent = Envelope(routingKey: "intake.request.submitted", correlationId: "HCM-1", causationId: "c-9",
                            appId: "intake", body: try Envelope.encode(["value": "Đà Nẵng"]))
        let publisher = Publisher(broker: broker.settings("wire/publisher"))
        try await publisher.publish(.event(sent))
        _ = producer

        let messages = try await broker.peek("observer")
        let first = try #require(messages.first)
        let properties = try #require(first["properties"] as? [String: Any])
        #expect(properties["message_id"] as? String == sent.messageId)
        #expect(properties["type"] as? String == "intake.request.submitted.v1")
        #expect(properties["correlation_id"] as? String == "HCM-1")
        #expect(properties["app_id"] as? String == "intake")
        #expect(properties["content_type"] as? String == "application/json")
        #expect(properties["delivery_mode"] as? Int == 2)
        #expect(properties["timestamp"] as? Int == Int(sent.timestamp.timeIntervalSince1970))
        let headers = try #require(properties["headers"] as? [String: Any])
        #expect(headers["causation-id"] as? String == "c-9")
        #expect(headers["traceparent"] as? String == sent.traceparent)
        let payload = try #require((first["payload"] as? String)?.data(using: .utf8))
        #expect(try JSONSerialization.jsonObject(with: payload) as? [String: String] == ["value": "Đà Nẵng"])
        await broker.tearDown()
    }
}
