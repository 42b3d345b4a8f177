import Foundation
@testable import Messaging
import TestSupport
import Testing

/// Stops and starts the whole broker, so it runs on its own (`make test`
/// runs this suite after the others, never beside them).
@Suite(.serialized) struct BrokerRestartTests {
    @Test func outboxRowsWrittenWhileTheBrokerIsDownArriveAfterItReturnsAllInOrder() async throws {
        let broker = try await BrokerFixture.make("restart")
        let producer = try TestService("producer", broker: broker)
        let consumer = try TestService("consumer", broker: broker)
        var handlers = MessageHandlers()
        handlers.onEvent("producer.reading.taken", TestService.recordValue)
        let services = RunningServices([consumer.consumer(handlers), producer.relay()])
        try await consumer.waitUntilConsuming()
        try await eventually("relay connected") { producer.health.snapshot["producer/relay"] == true }

        try broker.ctl(["stop_app"])
        let values = (1...200).map { String(format: "%03d", $0) }
        for value in values {
            try producer.enqueue([try producer.event("producer.reading.taken", value: value)])
        }
        try await eventually("the relay saw the broker go") { producer.health.snapshot["producer/relay"] == false }
        let waiting = try await producer.store.pool.read { db in try producer.outbox.backlog(in: db) }
        #expect(waiting == values.count, "every row waits in the outbox while the broker is down")
        #expect(try consumer.effects().isEmpty)
        try broker.ctl(["start_app"])

        try await eventually("every row arrived", timeout: .seconds(60)) { try consumer.effects().count == values.count }
        #expect(try consumer.effects() == values)
        try await eventually("the outbox is empty") {
            try await producer.store.pool.read { db in try Outbox(service: "producer").backlog(in: db) } == 0
        }
        await services.stop()
        await broker.tearDown()
    }
}
