@testable import Messaging
import Foundation
import GRDB
import TestSupport
import Testing

/// The outbox writes a message column by column and the relay reads it back the same way: what
/// leaves is exactly what was enqueued, every optional field included.
@Suite struct OutboxRowTests {
    @Test func aMessageLeavesTheOutboxWithEveryFieldItWasEnqueuedWith() throws {
        let store = try TemporaryStore()
        let outbox = Outbox(service: "svc")
        let envelope = Envelope(
            messageId: "m-1", routingKey: "svc.thing.asked", version: 2,
            timestamp: Date(timeIntervalSince1970: 1_764_806_400), correlationId: "REQ-1", causationId: "m-0",
            traceparent: "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", appId: "svc",
            replyTo: "svc.replies", body: try Envelope.encode(["value": "a"]))
        let message = OutgoingMessage(
            exchange: "evn.commands", routingKey: "svc.thing.asked", mandatory: true, envelope: envelope,
            headers: ["x-attempt": .int(3), "x-shard": .string("7"), "x-urgent": .bool(true)],
            expiration: .milliseconds(90_000))
        let bare = OutgoingMessage.event(Envelope(
            messageId: "m-2", routingKey: "svc.thing.done", timestamp: Date(timeIntervalSince1970: 1_764_806_401),
            traceparent: nil, appId: "svc", body: try Envelope.encode(["value": "b"])))

        try store.pool.write { db in
            try outbox.enqueue(message, in: db)
            try outbox.enqueue(bare, in: db)
        }

        let pending = try store.pool.read { db in try outbox.pending(in: db, limit: 10) }
        #expect(pending.map(\.message) == [message, bare])
        #expect(pending.map(\.attempts) == [0, 0])
    }
}
