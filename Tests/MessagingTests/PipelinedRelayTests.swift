@testable import Messaging
import Foundation
import GRDB
import TestSupport
import Testing

/// The relay publishes the next batch while the broker confirms the previous one; a row the
/// broker refuses still stops the outbox at that very row, whichever of the two outstanding
/// batches it is in, and no row the broker confirmed is ever sent again.
@Suite struct PipelinedRelayTests {
    /// Batches of 5, twelve rows written in one transaction: three batches, two outstanding at once.
    private let batchSize = 5

    @Test func aRowReturnedInThePipelinedBatchStopsTheOutboxAtThatRow() async throws {
        let broker = try await BrokerFixture.make("pipeline-return")
        let service = try TestService("svc", broker: broker)
        try await broker.declareQueue("watch", events: ["svc.meter.read"], commands: [])
        let before = try (1...7).map { try service.event("svc.meter.read", value: "before \($0)") }
        let unroutable = OutgoingMessage.command(Envelope(routingKey: "nobody.install-meter", appId: "svc",
                                                          body: try Envelope.encode(["value": "x"])))
        let after = try (1...4).map { try service.event("svc.meter.read", value: "after \($0)") }
        // Row 8 of 12: in the second batch, published while the first waited for its confirms.
        try service.enqueue(before + [unroutable] + after)
        let services = RunningServices([service.relay(batchSize: batchSize)])

        try await eventually("the returned row is the only one left, failing") {
            try pending(service).map(\.message.envelope.messageId) == [unroutable.envelope.messageId]
                && pending(service).first?.lastError?.contains("unroutable") == true
        }
        try await broker.declareQueue("nobody.inbox", events: [], commands: ["nobody.install-meter"])
        try await eventually("the returned row went out once its queue existed") { try service.outboxBacklog() == 0 }
        try await eventually("the management API counted the deliveries") {
            let (watched, target) = (try await broker.queueDepth("watch"), try await broker.queueDepth("nobody.inbox"))
            return watched >= 11 && target >= 1
        }
        #expect(try await delivered(broker, "watch", count: 20) == (before + after).map(\.envelope.messageId),
                "every confirmed row delivered once, in order")
        #expect(try await broker.queueDepth("nobody.inbox") == 1)
        await services.stop()
        await broker.tearDown()
    }

    @Test func aRowNackedInTheFirstBatchStopsTheOutboxAtThatRowWhileTheNextBatchIsOut() async throws {
        let broker = try await BrokerFixture.make("pipeline-nack")
        let service = try TestService("svc", broker: broker)
        try await broker.declareQueue("watch", events: ["svc.meter.read"], commands: [])
        // A queue that is always full and refuses what is routed to it: the broker nacks.
        let setup = try AMQPConnection(url: broker.url, name: "setup", heartbeatSeconds: 0)
        try setup.declareQueue("full", arguments: ["x-max-length": .int(0), "x-overflow": .string("reject-publish")])
        try setup.bindQueue("full", exchange: Exchange.events, routingKey: "svc.meter.refused")
        setup.close()
        let before = try (1...2).map { try service.event("svc.meter.read", value: "before \($0)") }
        let refused = try service.event("svc.meter.refused", value: "refused")
        let pipelined = try (1...7).map { try service.event("svc.meter.read", value: "pipelined \($0)") }
        let waiting = try (1...2).map { try service.event("svc.meter.read", value: "waiting \($0)") }
        // Row 3 of 12 is nacked; rows 4-10 were published (its batch, and the next one
        // pipelined behind it), rows 11-12 were not.
        try service.enqueue(before + [refused] + pipelined + waiting)
        let services = RunningServices([service.relay(parkAfter: .seconds(4), batchSize: batchSize)])

        try await eventually("the nacked row is retried alone, the rows never published wait behind it") {
            let left = try pending(service)
            return left.map(\.message.envelope.messageId) == ([refused] + waiting).map(\.envelope.messageId)
                && left.first?.lastError?.contains("nacked") == true
        }
        // Read from the queue itself: the management API's counts lag by seconds, past the parking.
        var seen: [String] = []
        try await eventually("the rows published around the nacked one arrived") {
            seen = try await delivered(broker, "watch", count: 20)
            return seen.count >= 9
        }
        #expect(seen == (before + pipelined).map(\.envelope.messageId),
                "the rows published around the nacked one are delivered once, and those behind it are not")

        try await eventually("the nacked row was parked and the rows behind it went out") {
            try service.parked().map(\.messageId) == [refused.envelope.messageId] && service.outboxBacklog() == 0
        }
        try await eventually("the rows behind it arrived") { try await delivered(broker, "watch", count: 20).count >= 11 }
        let all = try await delivered(broker, "watch", count: 20)
        #expect(all == (before + pipelined + waiting).map(\.envelope.messageId))
        await services.stop()
        await broker.tearDown()
    }

    private func pending(_ service: TestService) throws -> [PendingMessage] {
        try service.store.pool.read { db in try service.outbox.pending(in: db, limit: 100) }
    }

    /// The message ids in `queue`, in queue order, read without taking them.
    private func delivered(_ broker: BrokerFixture, _ queue: String, count: Int) async throws -> [String] {
        try await broker.peek(queue, count: count).compactMap { $0["properties"] as? [String: Any] }
            .compactMap { $0["message_id"] as? String }
    }
}
