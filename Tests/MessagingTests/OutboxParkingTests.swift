@testable import Messaging
import Foundation
import GRDB
import TestSupport
import Testing

/// An outbox row the broker keeps refusing is retried alone, parked after the configured time,
/// and no longer holds up the rows behind it; rows already confirmed are never sent twice.
@Suite struct OutboxParkingTests {
    private func command(_ service: TestService, _ routingKey: String, value: String) throws -> OutgoingMessage {
        .command(Envelope(routingKey: routingKey, appId: service.name, body: try Envelope.encode(["value": value])))
    }

    @Test func anUnroutableRowIsParkedAfterTheConfiguredTimeWhileLaterRowsGoOut() async throws {
        let broker = try await BrokerFixture.make("parking")
        let logs = CapturedLogs()
        var service = try TestService("svc", broker: broker)
        service.logger = logs.logger("svc")
        try await broker.declareQueue("watch", events: ["svc.meter.read"], commands: [])
        let services = RunningServices([service.relay(parkAfter: .seconds(2))])

        let unroutable = try command(service, "nobody.install-meter", value: "first")
        let enqueuedAt = Date()
        try service.enqueue([unroutable])
        try service.enqueue(try ["a", "b", "c"].map { try service.event("svc.meter.read", value: $0) })

        try await eventually("the rows behind the unroutable one went out") { try await broker.queueDepth("watch") == 3 }
        // Published in the unroutable row's batch, they may go out before it is parked.
        try await eventually("the unroutable row was parked") { try service.parked().count == 1 }
        let letter = try #require(try service.parked().first)
        #expect(letter.messageId == unroutable.envelope.messageId)
        #expect(letter.routingKey == "nobody.install-meter")
        #expect(letter.lastError?.contains("unroutable") == true)
        #expect(letter.attempts >= 2, "retried before it was parked")
        #expect(letter.parkedAt.timeIntervalSince(enqueuedAt) >= 2, "parked only after the configured time")
        #expect(logs.contains("outbox message parked", where: "message_id", is: unroutable.envelope.messageId))
        #expect(try service.outboxBacklog() == 0)

        // A later row for the same destination waits behind the parked one; others still go.
        let follower = try command(service, "nobody.install-meter", value: "second")
        try service.enqueue([follower, try service.event("svc.meter.read", value: "d")])
        try await eventually("the other destination's row went out") { try await broker.queueDepth("watch") == 4 }
        try await eventually("the follower was parked behind it") { try service.parked().count == 2 }
        #expect(try service.parked().map(\.messageId) == [unroutable.envelope.messageId, follower.envelope.messageId])
        await services.stop()
        await broker.tearDown()
    }

    @Test func rowsTheBrokerConfirmedAreNotSentAgainWhileARefusedRowIsRetried() async throws {
        let broker = try await BrokerFixture.make("no-resend")
        let service = try TestService("svc", broker: broker)
        try await broker.declareQueue("watch", events: ["svc.meter.read"], commands: [])
        let before = try (1...10).map { try service.event("svc.meter.read", value: "before \($0)") }
        let after = try (1...10).map { try service.event("svc.meter.read", value: "after \($0)") }
        // One transaction, so the relay publishes all 21 in one batch.
        try service.enqueue(before + [try command(service, "nobody.install-meter", value: "x")] + after)
        let services = RunningServices([service.relay(parkAfter: .seconds(3))])

        try await eventually("the refused row was parked") { try service.parked().count == 1 }
        try await eventually("the management API counted the deliveries") { try await broker.queueDepth("watch") >= 20 }
        #expect(try await broker.queueDepth("watch") == 20, "each confirmed row was delivered once")
        let delivered = try await broker.peek("watch", count: 30).compactMap { $0["properties"] as? [String: Any] }
            .compactMap { $0["message_id"] as? String }
        #expect(Set(delivered) == Set((before + after).map(\.envelope.messageId)))
        #expect(try service.outboxBacklog() == 0)
        await services.stop()
        await broker.tearDown()
    }

    @Test func reSendingAParkedRowPublishesItWithTheRowsParkedBehindItInOrder() async throws {
        let broker = try await BrokerFixture.make("resend")
        let service = try TestService("svc", broker: broker)
        let services = RunningServices([service.relay(parkAfter: .zero)])
        let first = try command(service, "nobody.install-meter", value: "first")
        try service.enqueue([first])
        try await eventually("the unroutable row was parked") { try service.parked().count == 1 }
        let second = try command(service, "nobody.install-meter", value: "second")
        try service.enqueue([second])
        try await eventually("the next row for it was parked behind it") { try service.parked().count == 2 }

        try await broker.declareQueue("nobody.inbox", events: [], commands: ["nobody.install-meter"])
        let resent = try service.resendParked([first.envelope.messageId])
        #expect(resent == [first.envelope.messageId, second.envelope.messageId])
        try await eventually("both reached the queue now bound") { try await broker.queueDepth("nobody.inbox") == 2 }
        let delivered = try await broker.peek("nobody.inbox", count: 2).compactMap { $0["properties"] as? [String: Any] }
            .compactMap { $0["message_id"] as? String }
        #expect(delivered == [first.envelope.messageId, second.envelope.messageId])
        #expect(try service.parked().isEmpty)
        await services.stop()
        await broker.tearDown()
    }
}
