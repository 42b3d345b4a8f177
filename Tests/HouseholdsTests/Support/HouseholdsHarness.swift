import Contracts
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import GRDB
import Logging
import Households
@testable import Messaging
import Prometheus
import ServiceKit
import StaffAuth
import TestSupport

/// One households service running in-process against the real broker, with an observer queue
/// bound to `evn.events`: the officers' HTTP view and the wire view of the same screenings.
struct HouseholdsHarness: Sendable {
    /// What a staff client gets back.
    struct Answer: Sendable {
        var status: Int
        var body: Data

        func json() throws -> [String: any Sendable] {
            try JSONSerialization.jsonObject(with: body) as? [String: any Sendable] ?? [:]
        }

        /// The `field`s of an error answer, in order.
        func errorFields() throws -> [String] {
            (try json()["errors"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String }
        }
    }

    static let observerQueue = "households-test.observer"

    let broker: BrokerFixture
    let host: ServiceHost<HouseholdsService>
    private let publisher: Publisher
    private let authority: StaffTokenAuthority
    private let running: Task<Void, any Error>
    private let base: URL

    /// Starts a fresh households (own vhost, store and port), runs `body` against it, and stops
    /// it and removes its vhost whether `body` passed or threw.
    static func run(_ body: (HouseholdsHarness) async throws -> Void) async throws {
        let households = try await start()
        do {
            try await body(households)
        } catch {
            await households.stop()
            throw error
        }
        await households.stop()
    }

    private static func start() async throws -> HouseholdsHarness {
        let broker = try await BrokerFixture.make("households")
        let observer = try AMQPConnection(url: broker.url, name: "observer", heartbeatSeconds: 0)
        try Exchange.declareAll(on: observer)
        try observer.declareQueue(observerQueue)
        try observer.bindQueue(observerQueue, exchange: Exchange.events, routingKey: "#")
        observer.close()

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("households-\(UUID().uuidString)").path
        let port = Int.random(in: 45_000...49_999)
        let url = broker.url
        let configuration = try ServiceConfiguration(service: HouseholdsService.name, environment: [
            "AMQP_URL": "amqp://\(url.user):\(url.password)@\(url.host):\(url.port)/\(url.vhost)",
            "DATA_DIR": folder,
            "HTTP_PORT": "\(port)",
            "AMQP_HEARTBEAT_SECONDS": "10",
        ])
        let host = try ServiceHost<HouseholdsService>(configuration: configuration, logger: Logger(label: "households"),
                                                    metrics: PrometheusCollectorRegistry())
        let running = Task { try await host.run(shutdownSignals: []) }
        let harness = HouseholdsHarness(
            broker: broker, host: host, publisher: Publisher(broker: broker.settings("test-publisher")),
            authority: await StaffTokenAuthority(secret: configuration.staffTokenSecret), running: running,
            base: URL(string: "http://127.0.0.1:\(port)")!)
        try await eventually("households is ready") { try await harness.status(of: "readyz") == 200 }
        return harness
    }

    // MARK: Messages

    /// Sends a command to households as crm does; `messageId` repeats a delivery.
    func send<Command: MessageContract>(_ command: Command, requestCode: String,
                                        messageId: String = UUID().uuidString.lowercased()) async throws {
        let envelope = Envelope(messageId: messageId, routingKey: Command.routingKey, version: Command.version,
                                correlationId: requestCode, appId: "crm", body: try Envelope.encode(command))
        try await publisher.publish(.command(envelope))
    }

    /// The messages households published with `routingKey`, oldest first, as a plain AMQP client reads them.
    func published(_ routingKey: String) async throws -> [[String: Any]] {
        try await broker.peek(Self.observerQueue, count: 500).filter { $0["routing_key"] as? String == routingKey }
    }

    /// The bodies of the events with `routingKey`, oldest first.
    func events(_ routingKey: String) async throws -> [[String: Any]] {
        try await published(routingKey).map { message in
            let payload = Data((message["payload"] as? String ?? "").utf8)
            return try JSONSerialization.jsonObject(with: payload) as? [String: Any] ?? [:]
        }
    }

    /// Waits until households published `count` events with `routingKey` and returns their bodies.
    @discardableResult
    func awaitEvents(_ routingKey: String, count: Int = 1) async throws -> [[String: Any]] {
        try await eventually("\(count) × \(routingKey)") { try await events(routingKey).count >= count }
        return try await events(routingKey)
    }

    /// Rows in one of households' tables.
    func count(_ table: String) async throws -> Int {
        try await host.context.store.database.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? 0
        }
    }

    /// The bytes of the store as they lie on disk: the SQLite file and its write-ahead log.
    func storeBytes() throws -> Data {
        let path = host.context.configuration.storePath
        return try [path, path + "-wal"].filter { FileManager.default.fileExists(atPath: $0) }
            .reduce(into: Data()) { bytes, file in bytes.append(try Data(contentsOf: URL(fileURLWithPath: file))) }
    }

    // MARK: Staff API

    /// A token of `role` in `unit` (a branch code or `CORP`).
    func token(_ role: StaffRole, unit: String, staffId: String = "tk-staff-01") async throws -> String {
        try await authority.issue(StaffClaims(staffId: staffId, role: role, unit: unit,
                                              expiresAt: Date().addingTimeInterval(3600)))
    }

    func get(_ path: String, token: String?) async throws -> Answer {
        try await call("GET", path, body: nil, token: token)
    }

    func post(_ path: String, _ body: [String: Any], token: String?) async throws -> Answer {
        try await call("POST", path, body: try JSONSerialization.data(withJSONObject: body), token: token)
    }

    func post(_ path: String, raw body: Data, token: String?) async throws -> Answer {
        try await call("POST", path, body: body, token: token)
    }

    private func call(_ method: String, _ path: String, body: Data?, token: String?) async throws -> Answer {
        var request = URLRequest(url: URL(string: path, relativeTo: base)!)
        request.httpMethod = method
        request.httpBody = body
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        let (data, response) = try await URLSession.shared.data(for: request)
        return Answer(status: (response as? HTTPURLResponse)?.statusCode ?? 0, body: data)
    }

    private func stop() async {
        await publisher.close()
        running.cancel()
        _ = await running.result
        await broker.tearDown()
    }

    private func status(of path: String) async throws -> Int {
        do {
            let (_, response) = try await URLSession.shared.data(from: base.appendingPathComponent(path))
            return (response as? HTTPURLResponse)?.statusCode ?? 0
        } catch {
            return 0
        }
    }
}
