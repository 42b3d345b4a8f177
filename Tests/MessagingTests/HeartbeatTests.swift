@testable import Messaging
import Foundation
import TestSupport
import Testing

/// A service whose store another writer holds busy — as `households import` or the residence
/// pass holds it — for several heartbeat intervals keeps every broker connection it opened:
/// its threads wait out SQLite's busy timeout while the broker still hears their heartbeats.
/// A publisher kept idle between calls keeps its connection too.
@Suite struct HeartbeatTests {
    @Test func aStoreHeldBusyForThreeHeartbeatIntervalsDropsNoConnection() async throws {
        let broker = try await BrokerFixture.make("heartbeats")
        let logs = CapturedLogs()
        // A service's store waits 5 s for another writer's lock: more than two intervals.
        var service = try TestService("svc", broker: broker, busyTimeout: 5)
        service.logger = logs.logger("svc")
        service.heartbeatSeconds = 2
        let producer = try TestService("src", broker: broker)
        try await broker.declareQueue("watch", events: ["svc.#"], commands: [])
        var handlers = MessageHandlers()
        handlers.onEvent("src.meter.read", TestService.recordValue)
        let services = RunningServices([service.consumer(handlers, prefetch: 5), service.relay(), producer.relay()])
        try await service.waitUntilConsuming()
        try await eventually("the broker lists both of the service's connections") {
            let names = try await broker.connections().keys
            return names.contains("svc/relay") && names.contains("svc/consumer")
        }
        let before = try await broker.connections().filter { $0.key.hasPrefix("svc/") }

        let lock = try WriteLock(path: service.store.path)
        let values = (1...10).map { "reading \($0)" }
        try producer.enqueue(values.map { try producer.event("src.meter.read", value: $0) })
        try await eventually("the consumer and the relay each waited out the busy timeout", timeout: .seconds(40)) {
            logs.contains("the store cannot take writes; holding the deliveries until it can")
                && logs.contains("outbox housekeeping postponed: the store cannot take writes")
                && lock.heldFor > .seconds(3 * 2)
        }
        #expect(try service.effects().isEmpty, "the store took no write while it was held")
        lock.release()

        try await eventually("every message was handled once the lock went", timeout: .seconds(30)) {
            try service.effects() == values
        }
        try service.enqueue([try service.event("svc.meter.checked", value: "after")])
        try await eventually("the relay still publishes") { try await broker.queueDepth("watch") == 1 }
        let after = try await broker.connections().filter { $0.key.hasPrefix("svc/") }
        #expect(after == before, "the broker still lists the very connections the service opened")
        #expect(!logs.contains("broker connection lost"))
        #expect(!logs.contains("cannot reach the broker"))
        await services.stop()
        await broker.tearDown()
    }

    @Test func aPublisherIdleForFourHeartbeatIntervalsPublishesOnTheSameConnection() async throws {
        let broker = try await BrokerFixture.make("idle-publisher")
        var settings = broker.settings("tool/publisher")
        settings.heartbeatSeconds = 2
        let publisher = Publisher(broker: settings)
        try await broker.declareQueue("watch", events: ["tool.#"], commands: [])
        let checked = { Envelope(routingKey: "tool.meter.checked", appId: "tool", body: Data("{}".utf8)) }
        try await publisher.publish(.event(checked()))
        try await eventually("the broker lists the publisher's connection") {
            try await broker.connections()["tool/publisher"] != nil
        }
        let before = try await broker.connections()

        // Idleness is what is tested: nothing to await but time, longer than the broker waits for a heartbeat.
        try await Task.sleep(for: .seconds(4 * 2))
        try await publisher.publish(.event(checked()))
        #expect(try await broker.connections() == before, "the broker still lists the very connection it opened")
        try await eventually("both messages arrived") { try await broker.queueDepth("watch") == 2 }
        await publisher.close()
        await broker.tearDown()
    }
}
