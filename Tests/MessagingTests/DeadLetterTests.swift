@testable import Messaging
import Foundation
import Synchronization
import TestSupport
import Testing

@Suite struct DeadLetterTests {
    struct MeterRegistryUnavailable: Error {}

    @Test func aPoisonMessageIsDeadLetteredWithItsReasonAndTheRestGoOnThenReplayHandlesIt() async throws {
        let broker = try await BrokerFixture.make("poison")
        let service = try TestService("svc", broker: broker)
        let fixed = Atomic<Bool>(false)
        let attempts = Atomic<Int>(0)
        var handlers = MessageHandlers()
        handlers.onEvent("svc.meter.read") { message, db in
            let body = try message.decode([String: String].self)
            if body["value"] == "poison" {
                attempts.add(1, ordering: .sequentiallyConsistent)
                if !fixed.load(ordering: .sequentiallyConsistent) { throw MeterRegistryUnavailable() }
            }
            try TestService.recordValue(message, db)
        }
        let services = RunningServices([service.consumer(handlers), service.relay()])
        try await service.waitUntilConsuming()
        let poison = try service.event("svc.meter.read", value: "poison")
        try service.enqueue([try service.event("svc.meter.read", value: "a"), poison,
                             try service.event("svc.meter.read", value: "b"), try service.event("svc.meter.read", value: "c")])

        try await eventually("the messages behind the poison were handled") { try service.effects() == ["a", "b", "c"] }
        let queue = DeadLetterQueue(broker: broker.settings("svc/admin"), service: "svc")
        var letters: [DeadLetter] = []
        try await eventually("the poison reached svc.dead") {
            letters = try await queue.list()
            return letters.count == 1
        }
        let letter = try #require(letters.first)
        #expect(letter.messageId == poison.envelope.messageId)
        #expect(letter.type == "svc.meter.read.v1")
        #expect(letter.reason.contains("MeterRegistryUnavailable"))
        #expect(letter.attempts == 3)
        #expect(letter.originalExchange == "evn.events")
        #expect(letter.originalRoutingKey == "svc.meter.read")
        #expect(attempts.load(ordering: .sequentiallyConsistent) == 3)
        #expect(try await queue.list().count == 1, "listing leaves the dead letters where they are")

        fixed.store(true, ordering: .sequentiallyConsistent)
        #expect(try await queue.replay(messageIds: [poison.envelope.messageId]) == [poison.envelope.messageId])
        try await eventually("the replayed message was handled") { try service.effects() == ["a", "b", "c", "poison"] }
        #expect(try await queue.list().isEmpty)
        await services.stop()
        await broker.tearDown()
    }

    @Test func aMessageThatIsNoEnvelopeIsDeadLetteredAndTheConsumerGoesOn() async throws {
        let broker = try await BrokerFixture.make("garbage")
        let service = try TestService("svc", broker: broker)
        var handlers = MessageHandlers()
        handlers.onEvent("svc.meter.read", TestService.recordValue)
        let services = RunningServices([service.consumer(handlers), service.relay()])
        try await service.waitUntilConsuming()

        let raw = try AMQPConnection(url: broker.url, name: "raw", heartbeatSeconds: 0)
        try raw.publish(exchange: Exchange.events, routingKey: "svc.meter.read",
                        message: AMQPMessage(messageId: "garbage-1", body: Data("not json".utf8)))
        raw.close()
        try service.enqueue([try service.event("svc.meter.read", value: "after")])

        try await eventually("the good message behind it was handled") { try service.effects() == ["after"] }
        let queue = DeadLetterQueue(broker: broker.settings("svc/admin"), service: "svc")
        var letters: [DeadLetter] = []
        try await eventually("the garbage reached svc.dead") {
            letters = try await queue.list()
            return letters.count == 1
        }
        #expect(letters.first?.messageId == "garbage-1")
        #expect(letters.first?.reason.contains("not an envelope") == true)
        await services.stop()
        await broker.tearDown()
    }

    @Test func aMessageWithNoHandlerIsDeadLettered() async throws {
        let broker = try await BrokerFixture.make("nohandler")
        let service = try TestService("svc", broker: broker)
        var handlers = MessageHandlers()
        handlers.onEvent("svc.meter.read", TestService.recordValue)
        let services = RunningServices([service.consumer(handlers), service.relay()])
        try await service.waitUntilConsuming()
        var stray = try service.event("svc.meter.read", value: "x")
        stray.envelope.routingKey = "svc.meter.removed"
        stray.exchange = ""
        stray.routingKey = "svc.inbox"
        try service.enqueue([stray])
        let queue = DeadLetterQueue(broker: broker.settings("svc/admin"), service: "svc")
        try await eventually("the stray reached svc.dead") {
            try await queue.list().first?.reason == "no handler for svc.meter.removed.v1"
        }
        await services.stop()
        await broker.tearDown()
    }
}
