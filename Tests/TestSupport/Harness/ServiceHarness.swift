import Contracts
import Foundation
import GRDB
import Logging
import Messaging
import ServiceKit
import StaffAuth
import StaffTokenIssuing
import Synchronization

/// One service of the platform running in-process against the real broker, as its tests meet
/// it: its own vhost with observer queues bound before it starts, its own store folder and
/// port, its log lines captured; staff tokens it accepts, a publisher that plays the other
/// services, and what it put on the wire and in its store.
///
/// A service's test target adds what only that service has in a constrained extension
/// (`extension ServiceHarness where Definition == CRMService`).
///
/// HTTP calls (``HTTPEndpoint``) go to the service last started, or to the server a view
/// made by ``through(_:)`` names.
public struct ServiceHarness<Definition: ServiceDefinition>: HTTPEndpoint {
    public let broker: BrokerFixture
    /// Every line the service logged, at the harness's level and above.
    public let logs: CapturedLogs
    /// The store's folder, kept across restarts of the service.
    public let dataDirectory: String
    /// The observer queues, the first being the one read when none is named.
    public let observers: [ObserverQueue]
    private let settings: [String: String]
    private let logLevel: Logger.Level
    private let clock: WallClock
    private let issuer: StaffTokenIssuer
    private let publisher: Publisher
    private let runs: Runs
    private var endpoint: URL?

    /// Sets up a fresh vhost with `observing` bound, a store folder and the settings; starts the
    /// service unless `startingService` is false (a test that starts it itself, with
    /// ``start(_:)``); runs `body`; and stops every run of the service and removes the vhost
    /// whether `body` passed or threw.
    ///
    /// - Parameters:
    ///   - observing: the observer queues to bind before anything runs.
    ///   - environment: the service's own settings, beside the broker, store and port the
    ///     harness sets.
    ///   - logLevel: the lowest level ``logs`` keeps.
    ///   - clock: the time of day the service reads and the harness's staff tokens are issued
    ///     at: a ``ManualClock``'s for a test that moves it, the system's otherwise.
    public static func run(
        observing: [ObserverQueue], environment: [String: String] = [:], logLevel: Logger.Level = .info,
        startingService: Bool = true, clock: WallClock = .system, _ body: (ServiceHarness) async throws -> Void
    ) async throws {
        let broker = try await BrokerFixture.make(Definition.name)
        let harness: ServiceHarness
        do {
            for queue in observing {
                try await broker.declareQueue(queue.name, events: queue.events, commands: queue.commands)
            }
            harness = try await ServiceHarness(broker: broker, observing: observing, environment: environment,
                                               logLevel: logLevel, clock: clock)
        } catch {
            await broker.tearDown()
            throw error
        }
        do {
            if startingService { try await harness.start() }
            try await body(harness)
        } catch {
            await harness.tearDown()
            throw error
        }
        await harness.tearDown()
    }

    private init(broker: BrokerFixture, observing: [ObserverQueue], environment: [String: String],
                 logLevel: Logger.Level, clock: WallClock) async throws {
        let url = broker.url
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("\(Definition.name)-\(UUID().uuidString)")
        settings = [
            "AMQP_URL": "amqp://\(url.user):\(url.password)@\(url.host):\(url.port)/\(url.vhost)",
            "DATA_DIR": folder.path,
            "AMQP_HEARTBEAT_SECONDS": "10",
            "EVN_ENV": "development",
        ].merging(environment) { $1 }
        self.broker = broker
        self.logLevel = logLevel
        self.clock = clock
        logs = CapturedLogs()
        dataDirectory = folder.path
        observers = observing
        issuer = StaffTokenIssuer.development(
            try ServiceConfiguration(service: Definition.name, environment: settings).staffTokens)
        publisher = Publisher(broker: broker.settings("test-publisher"))
        runs = Runs()
    }

    // MARK: The service

    /// Starts the service on the harness's store and a fresh port, and waits until it is ready.
    ///
    /// - Parameter overrides: settings that replace the harness's for this run only.
    @discardableResult
    public func start(_ overrides: [String: String] = [:]) async throws -> RunningService<Definition> {
        let environment = settings.merging(["HTTP_PORT": "\(try FreePort.find())"]) { $1 }
            .merging(overrides) { $1 }
        let configuration = try ServiceConfiguration(service: Definition.name, environment: environment)
        let service = try await RunningService<Definition>.start(
            configuration: configuration, logger: logs.logger(Definition.name, level: logLevel), clock: clock)
        runs.started(service)
        return service
    }

    /// The service last started.
    public var service: RunningService<Definition> {
        guard let service = runs.latest else { preconditionFailure("\(Definition.name) was not started") }
        return service
    }

    /// The host of the service last started: its context, store and definition.
    public var host: ServiceHost<Definition> { service.host }

    public var baseURL: URL { endpoint ?? service.baseURL }

    /// This harness with its HTTP calls sent to `baseURL` instead: another HTTP front on the
    /// same service and store (one on another clock, say).
    public func through(_ baseURL: URL) -> ServiceHarness {
        var view = self
        view.endpoint = baseURL
        return view
    }

    // MARK: Staff

    /// A token of `role` in `unit` (a branch code, or `CORP` for the whole corporation), for this
    /// service, valid for an hour from now on the harness's clock.
    public func token(_ role: StaffRole, unit: String, staffId: String = "tk-staff-01") async throws -> String {
        let now = clock.preciseNow()
        return try await issuer.issue(StaffClaims(staffId: staffId, roles: [role], unit: unit,
                                                  expiresAt: now.addingTimeInterval(3600)),
                                      audience: [Definition.name], at: now)
    }

    // MARK: The wire

    /// Publishes `message` on its exchange as its producer would, with the request code as
    /// correlation id. Pass the same `messageId` twice to play a redelivery.
    @discardableResult
    public func publish<Message: MessageContract>(
        _ message: Message, messageId: String = UUID().uuidString.lowercased(), correlationId: String,
        appId: String = "test"
    ) async throws -> String {
        let envelope = Envelope(messageId: messageId, routingKey: Message.routingKey, version: Message.version,
                                correlationId: correlationId, appId: appId, body: try Envelope.encode(message))
        try await publisher.publish(Message.kind == .command ? .command(envelope) : .event(envelope))
        return messageId
    }

    /// Every message on an observer queue (the first when `queue` is nil), oldest first, as
    /// the management API shows it: `routing_key`, `properties`, `payload`.
    public func observed(on queue: String? = nil) async throws -> [[String: Any]] {
        try await broker.peek(queue ?? observers[0].name, count: 500)
    }

    /// The messages on the first observer queue with `routingKey`, oldest first: an event's
    /// whatever provincial power company its wire key names (`CompanyRouting`).
    public func messages(_ routingKey: String) async throws -> [[String: Any]] {
        try await observed().filter { Self.message($0, has: routingKey) }
    }

    /// Whether `message`, as the management API shows it, went out with `routingKey`: exactly
    /// (a command), or with a provincial power company appended (an event).
    public static func message(_ message: [String: Any], has routingKey: String) -> Bool {
        guard let wire = message["routing_key"] as? String else { return false }
        return wire == routingKey || wire.hasPrefix("\(routingKey).")
    }

    /// The bodies of the messages the service sent with `routingKey`, oldest first.
    public func sent(_ routingKey: String) async throws -> [[String: Any]] {
        try await messages(routingKey).map { message in
            try JSONSerialization.jsonObject(with: Self.payload(of: message)) as? [String: Any] ?? [:]
        }
    }

    /// Waits until the service sent `count` messages with `routingKey` and returns their bodies.
    @discardableResult
    public func awaitSent(_ routingKey: String, count: Int = 1) async throws -> [[String: Any]] {
        try await eventually("\(count) × \(routingKey)") { try await sent(routingKey).count >= count }
        return try await sent(routingKey)
    }

    /// The messages of one contract on an observer queue, decoded, oldest first.
    public func sent<Message: MessageContract>(_: Message.Type, on queue: String? = nil) async throws -> [Message] {
        try await observed(on: queue)
            .filter { Self.message($0, has: Message.routingKey) }
            .map { try JSONCoding.decoder.decode(Message.self, from: Self.payload(of: $0)) }
    }

    /// Waits until the service has handled every delivery of `messageIds` — a first delivery
    /// claims the id in its inbox, each redelivery of the same id is logged as already handled —
    /// and has sent everything it put in its outbox. After this,
    /// a message the service has not sent, or a row it has not written, is one those deliveries
    /// will never bring: an absence check can be asserted without a fixed wait.
    ///
    /// - Parameter messageIds: each delivery's message id, an id twice when it was delivered twice.
    public func awaitHandled(_ messageIds: [String]) async throws {
        let deliveries = Dictionary(messageIds.map { ($0, 1) }, uniquingKeysWith: +)
        try await eventually("\(messageIds) handled and what they caused sent") {
            let redeliveries = logs.all.filter { $0.message == "message already handled; acknowledged again" }
            let allRedelivered = deliveries.allSatisfy { id, count in
                redeliveries.count { $0.metadata["message_id"] == id } >= count - 1
            }
            guard allRedelivered else { return false }
            return try await host.context.store.database.read { db in
                try Int.fetchOne(
                    db, sql: "SELECT COUNT(*) FROM messaging_inbox WHERE message_id IN (\(databaseQuestionMarks(count: deliveries.count)))",
                    arguments: StatementArguments(Array(deliveries.keys))) == deliveries.count
            }
        }
        try await awaitOutboxDrained()
    }

    /// Waits until the broker confirmed everything the service put in its outbox: what it has
    /// not sent by then, it had not decided to send.
    public func awaitOutboxDrained() async throws {
        try await eventually("the outbox drained") {
            try await host.context.store.database.read { db in try host.context.outbox.backlog(in: db) == 0 }
        }
    }

    // MARK: The store

    /// Rows in one of the service's tables.
    public func count(_ table: String) async throws -> Int {
        try await host.context.store.database.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? 0
        }
    }

    /// The bytes of the store as they lie on disk: the SQLite file and its write-ahead log.
    /// Throws when the SQLite file is not there, so a check that the store holds no secret never
    /// passes by reading nothing; the log is absent after a checkpoint, and then adds nothing.
    public func storeBytes() throws -> Data {
        let path = host.context.configuration.storePath
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        if FileManager.default.fileExists(atPath: path + "-wal") {
            bytes.append(try Data(contentsOf: URL(fileURLWithPath: path + "-wal")))
        }
        return bytes
    }

    private static func payload(of message: [String: Any]) throws -> Data {
        guard let payload = message["payload"] as? String else { throw FixtureError("a message without a payload") }
        return Data(payload.utf8)
    }

    private func tearDown() async {
        for service in runs.all {
            await service.stop()
        }
        await publisher.close()
        await broker.tearDown()
    }

    /// The runs of the service, for ``service`` and for the teardown.
    private final class Runs: Sendable {
        private let runs = Mutex<[RunningService<Definition>]>([])

        var all: [RunningService<Definition>] { runs.withLock { $0 } }
        var latest: RunningService<Definition>? { all.last }

        func started(_ service: RunningService<Definition>) {
            runs.withLock { $0.append(service) }
        }
    }
}
