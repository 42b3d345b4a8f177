import Foundation
import GRDB
import Logging
import ServiceLifecycle

/// Publishes committed outbox rows, in order, with publisher confirms, and
/// marks them sent only after the broker confirmed them.
///
/// A row the broker refuses (nack) or cannot route (a command whose target
/// queue does not exist yet) stays unsent and is retried with back-off;
/// everything before it is marked sent, everything after it is sent again
/// later (consumers' inboxes make the repeat harmless). While the broker is
/// away the rows wait in SQLite; after a restart of the service or of the
/// broker they go out from the oldest.
public struct OutboxRelay: Service {
    let broker: BrokerSettings
    let store: any DatabaseWriter
    let outbox: Outbox
    let health: BrokerHealth
    let logger: Logger
    let batchSize: Int
    let retention: Duration
    let linger: Duration
    let metrics: MessagingMetrics

    /// - Parameters:
    ///   - batchSize: rows published before waiting for their confirms; the
    ///     broker fsyncs in batches, so confirming one by one is slow.
    ///   - retention: how long sent rows are kept after the broker confirmed them; none by
    ///     default: bodies carry personal data (ID numbers, phones, a signing code) and the
    ///     least kept is the least exposed, so confirmed rows go at the next housekeeping
    ///     (within about 10 s of an idle moment).
    ///   - linger: how long a relay woken by a commit waits for more before publishing a small batch.
    public init(broker: BrokerSettings, store: any DatabaseWriter, outbox: Outbox, health: BrokerHealth,
                logger: Logger, service: String, batchSize: Int = 500, retention: Duration = .zero,
                linger: Duration = .milliseconds(2)) {
        self.broker = broker
        self.store = store
        self.outbox = outbox
        self.health = health
        self.logger = logger
        self.batchSize = batchSize
        self.retention = retention
        self.linger = linger
        self.metrics = MessagingMetrics(service: service)
    }

    public func run() async throws {
        let stop = ThreadSignal(autoReset: false)
        try await ConnectionSupervisor(broker: broker, stop: stop, health: health, logger: logger)
            .runOnDedicatedThread(waking: [outbox.newRows]) { connection in
                try Exchange.declareAll(on: connection)
                try connection.enableConfirms()
            } session: { connection in
                try session(on: connection, stop: stop)
            }
    }

    /// Publishes until the outbox is empty and a stop was requested.
    private func session(on connection: AMQPConnection, stop: ThreadSignal) throws {
        var failures = 0
        var lastHousekeeping = ContinuousClock.now - .seconds(60)
        while true {
            let published: Int
            do {
                published = try publishBatch(on: connection)
                failures = 0
            } catch let error as AMQPError where !error.closesConnection {
                failures += 1
                logger.warning("outbox message not accepted; will retry", metadata: ["error": "\(error)"])
                if stop.wait(timeout: broker.reconnect.delay(attempt: failures)) { return }
                continue
            }
            if published == batchSize { continue }
            if stop.isRaised { return }
            if ContinuousClock.now - lastHousekeeping > .seconds(10) {
                try housekeeping()
                lastHousekeeping = .now
            }
            if outbox.newRows.wait(timeout: broker.idleSlice) {
                // Let a burst of commits gather into one batch: every batch costs the
                // producer's store a write transaction of its own (marking rows sent).
                if published < batchSize / 10 { stop.wait(timeout: linger) }
            } else {
                try connection.serviceHeartbeats()
            }
        }
    }

    /// Publishes up to one batch; returns how many rows it read.
    private func publishBatch(on connection: AMQPConnection) throws -> Int {
        let rows = try store.read { db in try outbox.pending(in: db, limit: batchSize) }
        guard let last = rows.last else { return 0 }
        var sequences: [UInt64] = []
        sequences.reserveCapacity(rows.count)
        for row in rows {
            let message = row.message
            sequences.append(try connection.publish(exchange: message.exchange, routingKey: message.routingKey,
                                                    mandatory: message.mandatory, message: message.amqpMessage))
        }
        let outcomes = try connection.settle(upTo: sequences.last!, timeout: .seconds(30))
        let firstFailure = zip(rows, sequences).first { outcomes[$0.1] != .confirmed }
        let confirmedUpTo = firstFailure.map { $0.0.seq - 1 } ?? last.seq
        try store.write { db in
            try outbox.markSent(through: confirmedUpTo, in: db)
            if let (row, sequence) = firstFailure {
                try outbox.recordFailure(seq: row.seq, error: Self.describe(outcomes[sequence], row), in: db)
            }
        }
        let confirmedCount = firstFailure.map { failure in rows.firstIndex { $0.seq == failure.0.seq } ?? 0 } ?? rows.count
        metrics.published.increment(by: confirmedCount)
        if let (row, sequence) = firstFailure {
            let messageId = row.message.envelope.messageId
            switch outcomes[sequence] {
            case let .returned(text): throw AMQPError.unroutable(messageId: messageId, text: text)
            default: throw AMQPError.nacked(messageId: messageId)
            }
        }
        return rows.count
    }

    private func housekeeping() throws {
        let cutoff = Date().addingTimeInterval(-retention.seconds)
        let backlog = try store.write { db in
            try outbox.prune(createdBefore: cutoff, in: db)
            return try outbox.backlog(in: db)
        }
        metrics.outboxBacklog.record(backlog)
    }

    private static func describe(_ outcome: AMQPConnection.ConfirmOutcome?, _ row: PendingMessage) -> String {
        switch outcome {
        case let .returned(text): "unroutable: \(text)"
        case .nacked: "nacked by the broker"
        default: "not confirmed"
        }
    }
}
