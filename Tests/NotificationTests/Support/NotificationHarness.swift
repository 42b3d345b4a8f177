import Contracts
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import GRDB
import Logging
@testable import Messaging
import Notification
import Prometheus
import ServiceKit
import Synchronization
import TestSupport

/// Notification running in-process against the real broker (own vhost), an
/// ``SMSGatewayRecorder`` and the SMTP sink of `scripts/smtp.sh`, with an observer queue
/// that holds every `notification.customer.notified` it emits.
///
/// The store lives in one folder for the whole test, so a test can stop the service and
/// start it again on the same data (``start(_:)`` twice).
final class NotificationHarness: Sendable {
    static let apiKey = "test-api-key"
    static let secretKey = "test-secret-key"
    static let brandname = "EVNCPC"
    static let observerQueue = "notification-test.observer"

    let broker: BrokerFixture
    let gateway: SMSGatewayRecorder
    /// Every line the service logged, at every level.
    let logs = CapturedLogs()
    let dataDirectory: String
    private let started = Mutex<[RunningNotification]>([])

    private init(broker: BrokerFixture, gateway: SMSGatewayRecorder, dataDirectory: String) {
        self.broker = broker
        self.gateway = gateway
        self.dataDirectory = dataDirectory
    }

    /// Sets up broker, gateway and a store folder, runs `body`, and tears everything down
    /// whether `body` passed or threw.
    static func run(_ body: (NotificationHarness) async throws -> Void) async throws {
        let broker = try await BrokerFixture.make("notification")
        let observer = try AMQPConnection(url: broker.url, name: "observer", heartbeatSeconds: 0)
        try Exchange.declareAll(on: observer)
        try observer.declareQueue(observerQueue)
        try observer.bindQueue(observerQueue, exchange: Exchange.events, routingKey: CustomerNotified.routingKey)
        observer.close()
        let gateway = try await SMSGatewayRecorder.start(apiKey: apiKey, secretKey: secretKey)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("notification-\(UUID().uuidString)").path
        let harness = NotificationHarness(broker: broker, gateway: gateway, dataDirectory: folder)
        do {
            try await body(harness)
        } catch {
            await harness.tearDown()
            throw error
        }
        await harness.tearDown()
    }

    /// Starts the service on the harness's store; `overrides` replace the test settings
    /// (fast retries, the recorder, the SMTP sink).
    func start(_ overrides: [String: String] = [:]) async throws -> RunningNotification {
        let url = broker.url
        let environment = ProcessInfo.processInfo.environment
        let port = Int.random(in: 30_000...39_999)
        let settings: [String: String] = [
            "AMQP_URL": "amqp://\(url.user):\(url.password)@\(url.host):\(url.port)/\(url.vhost)",
            "DATA_DIR": dataDirectory,
            "HTTP_PORT": "\(port)",
            "AMQP_HEARTBEAT_SECONDS": "10",
            "SMS_GATEWAY_URL": gateway.url,
            "SMS_GATEWAY_API_KEY": Self.apiKey,
            "SMS_GATEWAY_SECRET_KEY": Self.secretKey,
            "SMS_BRANDNAME": Self.brandname,
            "SMTP_HOST": environment["SMTP_HOST"] ?? "127.0.0.1",
            "SMTP_PORT": environment["SMTP_PORT"] ?? "2525",
            "MAIL_FROM": "cskh@dienluc.example.vn",
            "PORTAL_URL": "https://cskh.example.vn",
            "DELIVERY_RETRY_INITIAL_SECONDS": "0.2",
            "DELIVERY_RETRY_MAX_SECONDS": "0.5",
            "DELIVERY_MAX_ATTEMPTS": "6",
        ].merging(overrides) { $1 }
        let configuration = try ServiceConfiguration(service: NotificationService.name, environment: settings)
        let host = try ServiceHost<NotificationService>(configuration: configuration,
                                                        logger: logs.logger("notification", level: .trace),
                                                        metrics: PrometheusCollectorRegistry())
        let service = RunningNotification(host: host, base: URL(string: "http://127.0.0.1:\(port)")!,
                                          task: Task { try await host.run(shutdownSignals: []) })
        started.withLock { $0.append(service) }
        try await eventually("notification is ready") { try await service.status("readyz") == 200 }
        return service
    }

    /// Publishes `contract` as its producer would, with the request code as correlation id.
    /// Pass the same `messageId` twice to play a redelivery.
    @discardableResult
    func publish<Contract: MessageContract>(
        _ contract: Contract, requestCode: String, messageId: String = UUID().uuidString.lowercased()
    ) async throws -> String {
        let envelope = Envelope(messageId: messageId, routingKey: Contract.routingKey, version: Contract.version,
                                correlationId: requestCode, appId: "test", body: try Envelope.encode(contract))
        let message: OutgoingMessage = Contract.kind == .command ? .command(envelope) : .event(envelope)
        let publisher = Publisher(broker: broker.settings("test-publisher"))
        try await publisher.publish(message)
        await publisher.close()
        return messageId
    }

    /// The `notification.customer.notified` events emitted so far, as contracts.
    func customerNotified() async throws -> [CustomerNotified] {
        try await broker.peek(Self.observerQueue, count: 100).map { message in
            try JSONCoding.decoder.decode(CustomerNotified.self,
                                          from: Data((message["payload"] as? String ?? "").utf8))
        }
    }

    private func tearDown() async {
        for service in started.withLock({ $0 }) {
            await service.stop()
        }
        await gateway.stop()
        await broker.tearDown()
    }
}

/// One run of the service, until ``stop()``.
struct RunningNotification: Sendable {
    let host: ServiceHost<NotificationService>
    let base: URL
    let task: Task<Void, any Error>

    /// Stops it as SIGTERM would; stopping twice is harmless.
    func stop() async {
        task.cancel()
        _ = await task.result
    }

    /// `GET /api/v1/deliveries?requestCode=…`: the delivery log as an operator reads it.
    func deliveries(of requestCode: String) async throws -> [[String: Any]] {
        var components = URLComponents(url: base.appendingPathComponent("api/v1/deliveries"), resolvingAgainstBaseURL: false)!
        components.queryItems = [URLQueryItem(name: "requestCode", value: requestCode)]
        let (data, _) = try await URLSession.shared.data(from: components.url!)
        let answer = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        return answer?["deliveries"] as? [[String: Any]] ?? []
    }

    /// The delivery log entries of one channel.
    func deliveries(of requestCode: String, channel: String) async throws -> [[String: Any]] {
        try await deliveries(of: requestCode).filter { $0["channel"] as? String == channel }
    }

    func status(_ path: String) async throws -> Int {
        do {
            let (_, response) = try await URLSession.shared.data(from: base.appendingPathComponent(path))
            return (response as? HTTPURLResponse)?.statusCode ?? 0
        } catch {
            return 0
        }
    }
}
