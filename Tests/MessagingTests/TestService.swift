import Foundation
import GRDB
import Logging
import Messaging
import TestSupport

/// A miniature service for the messaging tests: a real SQLite store with an
/// `effects` table, its outbox relay and its inbox consumer on the real broker.
struct TestService {
    let name: String
    let broker: BrokerFixture
    let store: TemporaryStore
    let outbox: Outbox
    let health = BrokerHealth()
    var logger: Logger
    /// The heartbeat interval its connections ask the broker for; the fixture's when nil.
    var heartbeatSeconds: Int?

    /// - Parameters:
    ///   - folder: where the store's file goes; the system's temporary folder by default.
    ///   - busyTimeout: how long its store's writes wait for another writer; none by default.
    init(_ name: String = "svc", broker: BrokerFixture, storeIn folder: URL = FileManager.default.temporaryDirectory,
         busyTimeout: TimeInterval? = nil) throws {
        self.name = name
        self.broker = broker
        self.outbox = Outbox(service: name)
        self.store = try TemporaryStore(in: folder, busyTimeout: busyTimeout) { migrator in
            migrator.registerMigration("test.effects") { db in
                try db.execute(sql: "CREATE TABLE effects (id INTEGER PRIMARY KEY AUTOINCREMENT, message_id TEXT, value TEXT)")
            }
        }
        var logger = Logger(label: name)
        logger.logLevel = .warning
        self.logger = logger
    }

    func relay(parkAfter: Duration = .seconds(60), batchSize: Int = 500) -> OutboxRelay {
        OutboxRelay(broker: settings("relay"), store: store.pool, outbox: outbox, health: health,
                    logger: logger, service: name, batchSize: batchSize, parkAfter: parkAfter)
    }

    func consumer(_ handlers: MessageHandlers,
                  retry: RetryPolicy = RetryPolicy(maxAttempts: 3, backoff: .init(initial: .milliseconds(10), maximum: .milliseconds(40)),
                                                   storeBackoff: .init(initial: .milliseconds(20), maximum: .milliseconds(100))),
                  prefetch: Int = 50, deadLetters: DeadLetterPolicy = DeadLetterPolicy()) -> InboxConsumer {
        InboxConsumer(service: name, broker: settings("consumer"), store: store.pool, outbox: outbox,
                      handlers: handlers, health: health, logger: logger, prefetch: prefetch, retry: retry,
                      deadLetters: deadLetters)
    }

    func lookups(_ handlers: MessageHandlers) -> LookupConsumer {
        LookupConsumer(service: name, broker: settings("answers"), store: store.pool, handlers: handlers,
                       health: health, logger: logger)
    }

    /// The broker settings of one of its components, `<name>/<component>`.
    func settings(_ component: String) -> BrokerSettings {
        var settings = broker.settings("\(name)/\(component)")
        if let heartbeatSeconds { settings.heartbeatSeconds = heartbeatSeconds }
        return settings
    }

    /// Waits until this service's consumer has declared and bound its queue and consumes.
    func waitUntilConsuming() async throws {
        try await eventually("\(name) consuming") { health.snapshot["\(name)/consumer"] == true }
    }

    /// Waits until this service's look-up consumer has declared and bound its queue and consumes.
    func waitUntilAnswering() async throws {
        try await eventually("\(name) answering") { health.snapshot["\(name)/answers"] == true }
    }

    /// Writes messages to the outbox in one transaction, as a state change would.
    func enqueue(_ messages: [OutgoingMessage]) throws {
        try store.pool.write { db in
            for message in messages { try outbox.enqueue(message, in: db) }
        }
    }

    /// Outbox rows not yet confirmed by the broker (a dead letter waits there too).
    func outboxBacklog() throws -> Int {
        try store.pool.read { db in try outbox.backlog(in: db) }
    }

    func parked() throws -> [ParkedMessage] {
        try store.pool.read { db in try ParkedMessages.list(in: db) }
    }

    func resendParked(_ messageIds: Set<String>?) throws -> [String] {
        try store.pool.write { db in try ParkedMessages.resend(messageIds: messageIds, in: db) }
    }

    func effects() throws -> [String] {
        try store.pool.read { db in try String.fetchAll(db, sql: "SELECT value FROM effects ORDER BY id") }
    }

    /// An event on `routingKey` with a JSON body `{"value": …}`.
    func event(_ routingKey: String, value: String, correlationId: String? = nil) throws -> OutgoingMessage {
        .event(Envelope(routingKey: routingKey, correlationId: correlationId, appId: name,
                        body: try Envelope.encode(["value": value])))
    }

    /// A handler that records the event's value as its effect.
    static func recordValue(_ message: IncomingMessage, _ db: Database) throws {
        let body = try message.decode([String: String].self)
        try db.execute(sql: "INSERT INTO effects (message_id, value) VALUES (?, ?)",
                       arguments: [message.envelope.messageId, body["value"]])
    }
}
