@testable import Messaging
import Foundation
import GRDB
import TestSupport
import Testing

@Suite struct OutboxTests {
    private func message(_ value: String, createdAt: Date = Date()) throws -> OutgoingMessage {
        .event(Envelope(routingKey: "svc.thing.done", timestamp: createdAt, appId: "svc",
                        body: try Envelope.encode(["value": value])))
    }

    @Test func pendingMessagesComeOldestFirstUntilMarkedSent() throws {
        let store = try TemporaryStore()
        let outbox = Outbox(service: "svc")
        try store.pool.write { db in
            for value in ["a", "b", "c"] { try outbox.enqueue(try message(value), in: db) }
        }
        let pending = try store.pool.read { db in try outbox.pending(in: db, limit: 10) }
        #expect(pending.map { try! $0.message.envelope.decode([String: String].self)["value"]! } == ["a", "b", "c"])

        try store.pool.write { db in try outbox.markSent(through: pending[1].seq, in: db) }
        let left = try store.pool.read { db in try outbox.pending(in: db, limit: 10) }
        #expect(left.map(\.seq) == [pending[2].seq])
        #expect(try store.pool.read { db in try outbox.backlog(in: db) } == 1)
        #expect(try store.pool.read { db in try outbox.lastConfirmed(in: db) } != nil)
    }

    @Test func pruningForgetsOnlyOldSentMessages() throws {
        let store = try TemporaryStore()
        let outbox = Outbox(service: "svc")
        try store.pool.write { db in
            for value in ["a", "b", "c"] { try outbox.enqueue(try message(value), in: db) }
        }
        let pending = try store.pool.read { db in try outbox.pending(in: db, limit: 10) }
        let remaining = { try store.pool.read { db in try Int64.fetchAll(db, sql: "SELECT seq FROM messaging_outbox") } }
        try store.pool.write { db in
            try outbox.markSent(through: pending[1].seq, in: db)
            try outbox.prune(createdBefore: Date().addingTimeInterval(-60), in: db)
        }
        #expect(try remaining() == pending.map(\.seq), "messages sent after the cut-off stay")
        try store.pool.write { db in try outbox.prune(createdBefore: Date().addingTimeInterval(60), in: db) }
        #expect(try remaining() == [pending[2].seq], "the unsent message stays")
    }

    @Test func onePruneForgetsAnOldSentMessageAndKeepsARecentOne() throws {
        let store = try TemporaryStore()
        let outbox = Outbox(service: "svc")
        let now = Date()
        try store.pool.write { db in
            try outbox.enqueue(try message("old", createdAt: now.addingTimeInterval(-3600)), in: db)
            try outbox.enqueue(try message("recent", createdAt: now), in: db)
            try outbox.enqueue(try message("unsent", createdAt: now.addingTimeInterval(-3600)), in: db)
        }
        let pending = try store.pool.read { db in try outbox.pending(in: db, limit: 10) }
        try store.pool.write { db in
            try outbox.markSent(through: pending[1].seq, in: db)
            try outbox.prune(createdBefore: now.addingTimeInterval(-60), in: db)
        }
        let remaining = try store.pool.read { db in try Int64.fetchAll(db, sql: "SELECT seq FROM messaging_outbox") }
        #expect(remaining == [pending[1].seq, pending[2].seq],
                "the old sent message goes; the recent sent one and the old unsent one stay")
    }

    @Test func aRolledBackStateChangeLeavesNoMessage() throws {
        let store = try TemporaryStore()
        let outbox = Outbox(service: "svc")
        struct Refused: Error {}
        #expect(throws: Refused.self) {
            try store.pool.write { db in
                try outbox.enqueue(try message("never"), in: db)
                throw Refused()
            }
        }
        #expect(try store.pool.read { db in try outbox.backlog(in: db) } == 0)
    }
}
