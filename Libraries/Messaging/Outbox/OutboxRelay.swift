import Foundation
import GRDB
import Logging
import ServiceLifecycle

/// Publishes committed outbox rows, in order, with publisher confirms, and
/// marks them sent only after the broker confirmed them. The next batch is
/// published while the previous one's confirms are outstanding.
///
/// A row the broker refuses (nack) or cannot route (a command whose target
/// queue does not exist yet) stays unsent and is retried alone, with
/// back-off, while the rows behind it wait: rows of its batch the broker
/// did confirm are marked so and never sent again. A row still refused
/// `parkAfter` after its first refusal is parked (``ParkedMessages``, logged
/// and counted) and the relay goes on with the rows behind it; later rows
/// for the parked row's destination are parked behind it, so they never
/// overtake it. While the broker is away the rows wait in SQLite; after a
/// restart of the service or of the broker they go out from the oldest. A store
/// that cannot take a write holds the relay back, never its connection: the
/// relay retries with back-off, its heartbeats sent meanwhile.
public struct OutboxRelay: Service {
    let broker: BrokerSettings
    let store: any DatabaseWriter
    let outbox: Outbox
    let health: BrokerHealth
    let logger: Logger
    let batchSize: Int
    let retention: Duration
    let linger: Duration
    let parkAfter: Duration
    let metrics: MessagingMetrics

    /// - Parameters:
    ///   - batchSize: rows per batch, read from the store and marked sent together; the broker
    ///     fsyncs in batches, so confirming one by one is slow. Two batches are outstanding at most.
    ///   - retention: how long sent rows are kept after the broker confirmed them; none by
    ///     default: bodies carry personal data (ID numbers, phones, a signing code) and the
    ///     least kept is the least exposed, so confirmed rows go at the next housekeeping
    ///     (within about 10 s of an idle moment).
    ///   - linger: how long a relay woken by a commit waits for more before publishing a small batch.
    ///   - parkAfter: how long a row the broker keeps refusing holds up the rows behind it before
    ///     it is parked; long enough for a target service to declare its queue at start-up.
    public init(broker: BrokerSettings, store: any DatabaseWriter, outbox: Outbox, health: BrokerHealth,
                logger: Logger, service: String, batchSize: Int = 500, retention: Duration = .zero,
                linger: Duration = .milliseconds(2), parkAfter: Duration = .seconds(60)) {
        self.broker = broker
        self.store = store
        self.outbox = outbox
        self.health = health
        self.logger = logger
        self.batchSize = batchSize
        self.retention = retention
        self.linger = linger
        self.parkAfter = parkAfter
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
            let more: Bool
            do {
                (published, more) = try publishBatch(on: connection)
                failures = 0
            } catch {
                guard let reason = Self.retriedOnThisConnection(error) else { throw error }
                failures += 1
                logger.warning("\(reason); will retry", metadata: ["error": "\(error)"])
                // A nack after a node's death can come from the channel's stale view of a
                // queue, not from the queue: the retry goes out on a fresh channel.
                if case AMQPError.nacked = error { try connection.renewChannel() }
                if connection.away({ stop.wait(timeout: broker.reconnect.delay(attempt: failures)) }) { return }
                continue
            }
            if more { continue }
            if stop.isRaised { return }
            if ContinuousClock.now - lastHousekeeping > .seconds(10) {
                lastHousekeeping = .now
                do {
                    try connection.away { try housekeeping() }
                } catch where StoreUnavailable.matches(error) {
                    logger.info("outbox housekeeping postponed: the store cannot take writes", metadata: ["error": "\(error)"])
                }
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

    /// Why a failed batch is retried on the same connection — a refused row, or a store that
    /// cannot take the write marking rows sent (they are published again, and the consumers'
    /// inboxes drop the duplicates) — or nil when the connection itself failed.
    private static func retriedOnThisConnection(_ error: any Error) -> String? {
        if let error = error as? AMQPError { return error.closesConnection ? nil : "outbox message not accepted" }
        return StoreUnavailable.matches(error) ? "the store cannot take writes" : nil
    }

    /// Rows written to the socket, each with its confirm sequence number, in outbox order.
    private struct Flight {
        var rows: [PendingMessage] = []
        var sequences: [UInt64] = []

        static func + (earlier: Flight, later: Flight) -> Flight {
            Flight(rows: earlier.rows + later.rows, sequences: earlier.sequences + later.sequences)
        }
    }

    /// Publishes every row that waits (only the oldest while the broker refuses it); returns
    /// how many rows it published or parked, and whether more are known to wait.
    ///
    /// Pipelined: the next batch is on the wire while the broker confirms the previous one, so
    /// the broker never idles waiting for the relay, nor the relay for the broker's fsync. At
    /// most two batches are outstanding; each is marked sent once all of it is confirmed, in
    /// order. A refusal settles the batch behind it too, so the refused row is the one kept
    /// back and every confirmed row behind it is marked so.
    ///
    /// Every store call runs `away` from the connection: it may wait out SQLite's busy timeout
    /// behind another writer, longer than the broker waits for a heartbeat.
    private func publishBatch(on connection: AMQPConnection) throws -> (published: Int, more: Bool) {
        let pending = try connection.away { try pendingRows() }
        guard let oldest = pending.first else { return (0, false) }
        if oldest.failingSince != nil {
            // A row the broker refused before is retried alone, nothing published behind it.
            let flight = try publish([oldest], on: connection)
            let outcomes = try connection.settle(upTo: flight.sequences[0], timeout: .seconds(30))
            guard outcomes[flight.sequences[0]] == .confirmed else { return try refused(flight, outcomes, on: connection) }
            try markSent(flight, on: connection)
            return (1, true)
        }
        var flight = try publish(pending, on: connection)
        var published = 0
        while true {
            let next = try connection.away { try pendingRows(after: flight.rows.last!.seq) }
            let following = next.first?.failingSince == nil ? try publish(next, on: connection) : Flight()
            var outcomes = try connection.settle(upTo: flight.sequences.last!, timeout: .seconds(30))
            guard flight.sequences.allSatisfy({ outcomes[$0] == .confirmed }) else {
                if let last = following.sequences.last {
                    outcomes.merge(try connection.settle(upTo: last, timeout: .seconds(30))) { $1 }
                }
                return try refused(flight + following, outcomes, on: connection)
            }
            try markSent(flight, on: connection)
            published += flight.rows.count
            guard !following.rows.isEmpty else { return (published, !next.isEmpty) }
            flight = following
        }
    }

    private func publish(_ rows: [PendingMessage], on connection: AMQPConnection) throws -> Flight {
        var flight = Flight(rows: rows)
        flight.sequences.reserveCapacity(rows.count)
        for row in rows {
            let message = row.message
            flight.sequences.append(try connection.publish(exchange: message.exchange, routingKey: message.routingKey,
                                                           mandatory: message.mandatory, message: message.amqpMessage))
        }
        return flight
    }

    private func markSent(_ flight: Flight, on connection: AMQPConnection) throws {
        try connection.away { try store.write { db in try outbox.markSent(through: flight.rows.last!.seq, in: db) } }
        metrics.published.increment(by: flight.rows.count)
    }

    /// Records a flight of which the broker refused a row: the rows before it sent, the rows
    /// behind it that the broker confirmed marked so, the refused row failing (parked once it
    /// has failed for `parkAfter`); throws the refusal unless the row was parked.
    private func refused(_ flight: Flight, _ outcomes: [UInt64: AMQPConnection.ConfirmOutcome],
                         on connection: AMQPConnection) throws -> (published: Int, more: Bool) {
        let (rows, sequences) = (flight.rows, flight.sequences)
        let failed = sequences.firstIndex { outcomes[$0] != .confirmed }!
        let row = rows[failed]
        let outcome = outcomes[sequences[failed]]
        let confirmedBehind = zip(rows, sequences).dropFirst(failed + 1).filter { outcomes[$0.1] == .confirmed }.map(\.0.seq)
        let park = row.failingSince.map { outbox.clock.preciseNow().timeIntervalSince($0) >= parkAfter.seconds } ?? (parkAfter <= .zero)
        try connection.away {
            try store.write { db in
                try outbox.markSent(through: row.seq - 1, in: db)
                try outbox.markConfirmed(confirmedBehind, in: db)
                try outbox.recordFailure(seq: row.seq, error: Self.describe(outcome), in: db)
                if park { try ParkedMessages.park(seq: row.seq, at: outbox.clock.preciseNow(), in: db) }
            }
        }
        metrics.published.increment(by: failed + confirmedBehind.count)
        let messageId = row.message.envelope.messageId
        if park {
            metrics.parked.increment()
            logger.error("outbox message parked: the broker kept refusing it", metadata: [
                "message_id": "\(messageId)", "message_type": "\(row.message.envelope.type)",
                "routing_key": "\(row.message.routingKey)", "attempts": "\(row.attempts + 1)",
                "error": "\(Self.describe(outcome))",
            ])
            return (rows.count, true)
        }
        switch outcome {
        case let .returned(text): throw AMQPError.unroutable(messageId: messageId, text: text)
        default: throw AMQPError.nacked(messageId: messageId)
        }
    }

    /// The next rows to publish (those behind `seq` when given), once those whose destination
    /// has a parked row are parked behind it. Only a store that holds parked rows pays a write
    /// for that.
    private func pendingRows(after seq: Int64 = 0) throws -> [PendingMessage] {
        let (pending, anyParked) = try store.read { db in
            (try outbox.pending(after: seq, in: db, limit: batchSize), try ParkedMessages.any(in: db))
        }
        guard anyParked else { return pending }
        let parkedBehind = try store.write { db in try ParkedMessages.parkBehindParked(at: outbox.clock.preciseNow(), in: db) }
        guard parkedBehind > 0 else { return pending }
        metrics.parked.increment(by: parkedBehind)
        logger.warning("outbox messages parked behind an earlier parked message for the same destination",
                       metadata: ["count": "\(parkedBehind)"])
        return try store.read { db in try outbox.pending(after: seq, in: db, limit: batchSize) }
    }

    private func housekeeping() throws {
        let cutoff = outbox.clock.preciseNow().addingTimeInterval(-retention.seconds)
        let (backlog, parked) = try store.write { db in
            try outbox.prune(createdBefore: cutoff, in: db)
            return (try outbox.backlog(in: db), try ParkedMessages.count(in: db))
        }
        metrics.outboxBacklog.record(backlog)
        metrics.outboxParked.record(parked)
    }

    private static func describe(_ outcome: AMQPConnection.ConfirmOutcome?) -> String {
        switch outcome {
        case let .returned(text): "unroutable: \(text)"
        case .nacked: "nacked by the broker"
        default: "not confirmed"
        }
    }
}
