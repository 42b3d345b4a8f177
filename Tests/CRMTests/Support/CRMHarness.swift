import CRM
import Contracts
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import GRDB
import Logging
@testable import Messaging
import Prometheus
import ServiceKit
import StaffAuth
import TestSupport

/// One crm running in-process against the real broker on a ``ManualClock``, with an observer
/// queue bound to everything crm sends (`evn.events` and its commands on `evn.commands`):
/// the staff's HTTP view and the wire view of the same tickets.
struct CRMHarness: Sendable {
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

    static let observerQueue = "crm-test.observer"
    static let observedCommands = [ScreenIdentities.routingKey, InstallMeter.routingKey,
                                   RegisterMainHousehold.routingKey]

    let broker: BrokerFixture
    let host: ServiceHost<ClockedCRM>
    let clock: ManualClock
    private let publisher: Publisher
    private let authority: StaffTokenAuthority
    private let running: Task<Void, any Error>
    private let base: URL

    /// Starts a fresh crm (own vhost, store and port) with its clock at `now`, runs `body`
    /// against it, and stops it and removes its vhost whether `body` passed or threw.
    static func run(at now: Date, _ body: (CRMHarness) async throws -> Void) async throws {
        let crm = try await start(at: now)
        do {
            try await body(crm)
        } catch {
            await crm.stop()
            throw error
        }
        await crm.stop()
    }

    private static func start(at now: Date) async throws -> CRMHarness {
        let broker = try await BrokerFixture.make("crm")
        let observer = try AMQPConnection(url: broker.url, name: "observer", heartbeatSeconds: 0)
        try Exchange.declareAll(on: observer)
        try observer.declareQueue(observerQueue)
        try observer.bindQueue(observerQueue, exchange: Exchange.events, routingKey: "crm.#")
        for command in observedCommands {
            try observer.bindQueue(observerQueue, exchange: Exchange.commands, routingKey: command)
        }
        observer.close()

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("crm-\(UUID().uuidString)").path
        let port = Int.random(in: 30_000...39_999)
        let url = broker.url
        let configuration = try ServiceConfiguration(service: CRMService.name, environment: [
            "AMQP_URL": "amqp://\(url.user):\(url.password)@\(url.host):\(url.port)/\(url.vhost)",
            "DATA_DIR": folder,
            "HTTP_PORT": "\(port)",
            "AMQP_HEARTBEAT_SECONDS": "10",
        ])
        let clock = ManualClock(now)
        let host = try ClockedCRM.$clock.withValue(clock) {
            try ServiceHost<ClockedCRM>(configuration: configuration, logger: Logger(label: "crm"),
                                        metrics: PrometheusCollectorRegistry())
        }
        let running = Task { try await host.run(shutdownSignals: []) }
        let harness = CRMHarness(
            broker: broker, host: host, clock: clock, publisher: Publisher(broker: broker.settings("test-publisher")),
            authority: await StaffTokenAuthority(secret: configuration.staffTokenSecret), running: running,
            base: URL(string: "http://127.0.0.1:\(port)")!)
        try await eventually("crm is ready") { try await harness.status(of: "readyz") == 200 }
        return harness
    }

    // MARK: Messages

    /// Publishes `message` on `evn.events` as its producer would; `messageId` repeats a delivery.
    func publish<Message: MessageContract>(_ message: Message, messageId: String = UUID().uuidString.lowercased(),
                                           correlationId: String) async throws {
        let envelope = Envelope(messageId: messageId, routingKey: Message.routingKey, version: Message.version,
                                correlationId: correlationId, appId: "test", body: try Envelope.encode(message))
        try await publisher.publish(.event(envelope))
    }

    /// The bodies of the messages crm sent with `routingKey`, oldest first.
    func sent(_ routingKey: String) async throws -> [[String: Any]] {
        try await broker.peek(Self.observerQueue, count: 500)
            .filter { $0["routing_key"] as? String == routingKey }
            .map { message in
                let payload = Data((message["payload"] as? String ?? "").utf8)
                return try JSONSerialization.jsonObject(with: payload) as? [String: Any] ?? [:]
            }
    }

    /// Waits until crm sent `count` messages with `routingKey` and returns them.
    @discardableResult
    func awaitSent(_ routingKey: String, count: Int = 1) async throws -> [[String: Any]] {
        try await eventually("\(count) × \(routingKey)") { try await sent(routingKey).count >= count }
        return try await sent(routingKey)
    }

    /// Asks crm for a request's timeline over request/reply, as the portal does.
    func timeline(of requestCode: String) async throws -> RequestTimeline? {
        let reply = try await host.context.lookups.request(
            RequestTimelineQuery.routingKey, body: try Envelope.encode(RequestTimelineQuery(requestCode: requestCode)))
        return try JSONCoding.decoder.decode(RequestTimeline?.self, from: reply)
    }

    /// Rows in one of crm's tables.
    func count(_ table: String) async throws -> Int {
        try await host.context.store.database.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? 0
        }
    }

    // MARK: Staff API

    /// A customer-service token of `unit` (a branch code or `CORP`).
    func token(unit: String, staffId: String = "tk-cs-014") async throws -> String {
        try await authority.issue(StaffClaims(staffId: staffId, role: .customerService, unit: unit,
                                              expiresAt: Date().addingTimeInterval(3600)))
    }

    func get(_ path: String, token: String?) async throws -> Answer {
        try await call("GET", path, body: nil, token: token)
    }

    func post(_ path: String, _ body: [String: Any] = [:], token: String?) async throws -> Answer {
        try await call("POST", path, body: try JSONSerialization.data(withJSONObject: body), token: token)
    }

    func post(_ path: String, raw body: Data, token: String?) async throws -> Answer {
        try await call("POST", path, body: body, token: token)
    }

    /// `GET /api/v1/tickets/{ticketId}` of `requestCode`'s ticket, as its branch's staff.
    func ticket(_ requestCode: String, unit: String = Samples.branch.code) async throws -> [String: any Sendable] {
        try await get("api/v1/tickets/CRM-\(requestCode)", token: token(unit: unit)).json()
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
