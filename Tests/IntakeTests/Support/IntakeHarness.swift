import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import GRDB
import Intake
import Logging
@testable import Messaging
import Prometheus
import ServiceKit
import TestSupport

/// One intake service running in-process against the real broker, with an observer queue
/// bound to `evn.events`: the customer's HTTP view and the wire view of the same request.
struct IntakeHarness: Sendable {
    /// What the customer's client gets back.
    struct Answer: Sendable {
        var status: Int
        var location: String?
        var body: Data

        /// The body as a JSON object.
        func json() throws -> [String: any Sendable] {
            try JSONSerialization.jsonObject(with: body) as? [String: any Sendable] ?? [:]
        }

        /// The `field`s of an error answer, in order.
        func errorFields() throws -> [String] {
            (try json()["errors"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String }
        }
    }

    static let observerQueue = "intake-test.observer"

    let broker: BrokerFixture
    let host: ServiceHost<IntakeService>
    private let running: Task<Void, any Error>
    private let base: URL

    /// Starts a fresh intake (own vhost, own store, own port), runs `body` against it, and
    /// stops it and removes its vhost whether `body` passed or threw.
    static func run(_ body: (IntakeHarness) async throws -> Void) async throws {
        let intake = try await start()
        do {
            try await body(intake)
        } catch {
            await intake.stop()
            throw error
        }
        await intake.stop()
    }

    private static func start() async throws -> IntakeHarness {
        let broker = try await BrokerFixture.make("intake")
        let observer = try AMQPConnection(url: broker.url, name: "observer", heartbeatSeconds: 0)
        try Exchange.declareAll(on: observer)
        try observer.declareQueue(observerQueue)
        try observer.bindQueue(observerQueue, exchange: Exchange.events, routingKey: "#")
        observer.close()

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("intake-\(UUID().uuidString)").path
        let port = Int.random(in: 20_000...29_999)
        let url = broker.url
        let configuration = try ServiceConfiguration(service: IntakeService.name, environment: [
            "AMQP_URL": "amqp://\(url.user):\(url.password)@\(url.host):\(url.port)/\(url.vhost)",
            "DATA_DIR": folder,
            "HTTP_PORT": "\(port)",
            "AMQP_HEARTBEAT_SECONDS": "10",
        ])
        let host = try ServiceHost<IntakeService>(configuration: configuration, logger: Logger(label: "intake"),
                                                  metrics: PrometheusCollectorRegistry())
        let running = Task { try await host.run(shutdownSignals: []) }
        let harness = IntakeHarness(broker: broker, host: host, running: running,
                                    base: URL(string: "http://127.0.0.1:\(port)")!)
        try await eventually("intake is ready") { try await harness.get("readyz") == 200 }
        return harness
    }

    /// `POST /api/v1/requests` with a raw body.
    func submit(_ body: Data, idempotencyKey: String? = nil) async throws -> Answer {
        var request = URLRequest(url: base.appendingPathComponent("api/v1/requests"))
        request.httpMethod = "POST"
        request.httpBody = body
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        if let idempotencyKey { request.setValue(idempotencyKey, forHTTPHeaderField: "Idempotency-Key") }
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = response as? HTTPURLResponse
        return Answer(status: http?.statusCode ?? 0, location: http?.value(forHTTPHeaderField: "Location"), body: data)
    }

    /// `POST /api/v1/requests` with a JSON object.
    func submit(_ form: [String: Any], idempotencyKey: String? = nil) async throws -> Answer {
        try await submit(JSONSerialization.data(withJSONObject: form), idempotencyKey: idempotencyKey)
    }

    /// The `intake.request.submitted` messages the observer queue holds, as a plain AMQP client reads them.
    func publishedMessages() async throws -> [[String: Any]] {
        try await broker.peek(Self.observerQueue, count: 100)
    }

    /// Rows in one of the service's tables.
    func count(_ table: String) async throws -> Int {
        try await host.context.store.database.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? 0
        }
    }

    private func stop() async {
        running.cancel()
        _ = await running.result
        await broker.tearDown()
    }

    private func get(_ path: String) async throws -> Int {
        do {
            let (_, response) = try await URLSession.shared.data(from: base.appendingPathComponent(path))
            return (response as? HTTPURLResponse)?.statusCode ?? 0
        } catch {
            return 0
        }
    }
}
