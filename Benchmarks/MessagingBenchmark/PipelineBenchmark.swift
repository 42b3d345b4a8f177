import CAMQPShim
import Contracts
import Foundation
import GRDB
import Logging
import Messaging
import ServiceKit
import ServiceLifecycle

/// The whole messaging path as services use it: each message is its own
/// SQLite transaction into the producer's outbox; the relay publishes with
/// confirms; the consumer claims it in its inbox, writes one row and acks.
/// The body of every benchmark message.
struct Reading: MessageContract {
    static let routingKey = "bench.reading.taken"
    static let version = 1
    static let kind = MessageKind.event

    var seq: Int
    var payload: String
}

struct PipelineBenchmark {
    struct Outcome {
        var messagesPerSecond: Double
        /// Resident memory (MiB) when 10 %, 50 % and 100 % of the messages were consumed.
        var residentMiB: [Double]
        /// Seconds from the start until the last outbox row was written, published (confirmed) and consumed.
        var lastWrittenAfter: Double
        var lastSentAfter: Double
        var lastConsumedAfter: Double
        /// Messages the consumer wrote its row for: each at most once (the row's key is the
        /// message's sequence number), so all of them when none was lost.
        var consumed: Int
    }

    let url: AMQPURL
    let count: Int
    let bodyBytes: Int
    /// Concurrent writers, as concurrent requests would be in a service.
    let producers: Int
    /// How long the consumer may go without a new message before the rest count as lost.
    let patience: Duration
    /// SQLite's `synchronous` on both stores: `FULL` as the services run (every commit fsynced),
    /// `NORMAL` to show what that durability costs.
    var synchronous = "FULL"

    func run() async throws -> Outcome {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bench-messaging-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let suffix = UUID().uuidString.prefix(6).lowercased()
        let producerName = "benchp\(suffix)"
        let consumerName = "benchc\(suffix)"

        let producerStore = try openStore(folder.appendingPathComponent("producer.sqlite").path)
        let consumerStore = try openStore(folder.appendingPathComponent("consumer.sqlite").path) { migrator in
            migrator.registerMigration("bench.readings") { db in
                try db.execute(sql: "CREATE TABLE readings (seq INTEGER PRIMARY KEY, received_at REAL NOT NULL)")
            }
        }
        var logger = Logger(label: "bench")
        logger.logLevel = .error
        let health = BrokerHealth()
        let outbox = Outbox(service: producerName)
        let consumerOutbox = Outbox(service: consumerName)
        let broker = BrokerSettings(url: url, connectionName: "bench")

        var handlers = MessageHandlers()
        handlers.on(Reading.self) { reading, context in
            try context.db.execute(sql: "INSERT INTO readings (seq, received_at) VALUES (?, ?)",
                           arguments: [reading.seq, Date().timeIntervalSince1970])
        }
        let consumer = InboxConsumer(service: consumerName, broker: broker.named("\(consumerName)/consumer"),
                                     store: consumerStore, outbox: consumerOutbox, handlers: handlers, health: health,
                                     logger: logger)
        let relay = OutboxRelay(broker: broker.named("\(producerName)/relay"), store: producerStore, outbox: outbox,
                                health: health, logger: logger, service: producerName)
        let group = ServiceGroup(services: [consumer, relay], gracefulShutdownSignals: [], logger: logger)
        let running = Task { try await group.run() }
        while health.snapshot.count < 2 || !health.isReady { try await Task.sleep(for: .milliseconds(20)) }

        let padding = String(repeating: "x", count: max(0, bodyBytes - 40))
        let started = Date()
        let writer = Task {
            try await Self.writeConcurrently(count: count, producers: producers, into: GroupCommitWriter(database: producerStore)) { seq, db in
                try outbox.send(Reading(seq: seq, payload: padding), correlation: "BENCH-\(seq)", at: Date(), in: db)
            }
        }
        var samples: [Double] = []
        let marks = [count / 10, count / 2, count]
        var consumed = 0
        var lastProgress = ContinuousClock.now
        while consumed < count, ContinuousClock.now - lastProgress < patience {
            try await Task.sleep(for: .milliseconds(50))
            let now = try await consumerStore.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM readings") ?? 0 }
            if now > consumed { (consumed, lastProgress) = (now, .now) }
            while samples.count < marks.count && consumed >= marks[samples.count] { samples.append(ProcessMemory.residentMiB) }
        }
        let seconds = Date().timeIntervalSince(started)
        try await writer.value
        let (lastWritten, lastSent) = try await producerStore.read { db in
            (try Double.fetchOne(db, sql: "SELECT MAX(created_at) FROM messaging_outbox") ?? 0,
             try outbox.lastConfirmed(in: db)?.timeIntervalSince1970 ?? 0)
        }
        let t0 = started.timeIntervalSince1970
        running.cancel()
        _ = await running.result
        try deleteQueues(of: consumerName)
        return Outcome(messagesPerSecond: Double(count) / seconds, residentMiB: samples,
                       lastWrittenAfter: lastWritten - t0, lastSentAfter: lastSent - t0, lastConsumedAfter: seconds,
                       consumed: consumed)
    }

    /// The producer's ceiling: the same outbox writes, by the same concurrent producers, with nothing else running.
    func outboxWritesPerSecond() async throws -> Double {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bench-outbox-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try openStore(folder.appendingPathComponent("outbox.sqlite").path)
        let outbox = Outbox(service: "bench")
        let padding = String(repeating: "x", count: max(0, bodyBytes - 40))
        let writes = min(count, 50_000)
        let started = Date()
        try await Self.writeConcurrently(count: writes, producers: producers, into: GroupCommitWriter(database: store)) { seq, db in
            try outbox.send(Reading(seq: seq, payload: padding), at: Date(), in: db)
        }
        return Double(writes) / Date().timeIntervalSince(started)
    }

    /// `producers` concurrent callers (requests, in a service) each writing
    /// their share of `count` messages, one state change at a time.
    private static func writeConcurrently(
        count: Int, producers: Int, into writer: GroupCommitWriter,
        _ write: @escaping @Sendable (Int, Database) throws -> Void
    ) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for producer in 0..<producers {
                group.addTask {
                    for seq in stride(from: producer, to: count, by: producers) {
                        try await writer.write { db in try write(seq, db) }
                    }
                }
            }
            try await group.waitForAll()
        }
    }

    private func openStore(_ path: String, migrations: (inout DatabaseMigrator) -> Void = { _ in }) throws -> DatabasePool {
        let pool = try DatabasePool(path: path)
        // FULL as the services' stores (ServiceStore): every commit fsynced before it is acknowledged.
        try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = \(synchronous)") }
        var migrator = DatabaseMigrator()
        MessagingSchema.register(in: &migrator)
        migrations(&migrator)
        try migrator.migrate(pool)
        return pool
    }

    private func deleteQueues(of service: String) throws {
        let connection = try RawConnection(BenchmarkURL(url))
        for queue in ["\(service).inbox", "\(service).dead"] {
            amqp_queue_delete(connection.state, 1, amqp_cstring_bytes(queue), 0, 0)
            try connection.check("queue.delete")
        }
    }
}

