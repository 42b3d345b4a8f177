import Contracts
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import GRDB
@testable import Intake
import Logging
@testable import Messaging
import Prometheus
import ServiceKit
import TestSupport

/// One intake service running in-process against the real broker, with observer queues on
/// `evn.events` (every event) and on `evn.commands` (`notification.send-signing-code`): the
/// customer's HTTP view and the wire view of the same request.
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
            try errors().compactMap { $0["field"] as? String }
        }

        /// The `code`s of an error answer, in order.
        func errorCodes() throws -> [String] {
            try errors().compactMap { $0["code"] as? String }
        }

        /// The English message of the first error.
        func englishMessage() throws -> String? {
            (try errors().first?["message"] as? [String: String])?["en"]
        }

        /// The body as text, to check what it does not contain.
        var text: String { String(decoding: body, as: UTF8.self) }

        private func errors() throws -> [[String: Any]] {
            try json()["errors"] as? [[String: Any]] ?? []
        }
    }

    static let observerQueue = "intake-test.observer"
    static let commandObserverQueue = "intake-test.commands"

    let broker: BrokerFixture
    let host: ServiceHost<IntakeService>
    /// Every line the service logged.
    let logs: CapturedLogs
    private let running: Task<Void, any Error>
    private let base: URL

    /// Starts a fresh intake (own vhost, own store, own port), runs `body` against it, and
    /// stops it and removes its vhost whether `body` passed or threw.
    ///
    /// - Parameter environment: intake's own settings, beside the ones the harness sets.
    static func run(environment: [String: String] = [:], _ body: (IntakeHarness) async throws -> Void) async throws {
        let intake = try await start(environment: environment)
        do {
            try await body(intake)
        } catch {
            await intake.stop()
            throw error
        }
        await intake.stop()
    }

    private static func start(environment: [String: String]) async throws -> IntakeHarness {
        let broker = try await BrokerFixture.make("intake")
        let observer = try AMQPConnection(url: broker.url, name: "observer", heartbeatSeconds: 0)
        try Exchange.declareAll(on: observer)
        try observer.declareQueue(observerQueue)
        try observer.bindQueue(observerQueue, exchange: Exchange.events, routingKey: "#")
        try observer.declareQueue(commandObserverQueue)
        try observer.bindQueue(commandObserverQueue, exchange: Exchange.commands, routingKey: SendSigningCode.routingKey)
        observer.close()

        let port = Int.random(in: 20_000...29_999)
        let configuration = try ServiceConfiguration(
            service: IntakeService.name,
            environment: baseEnvironment(broker, port: port).merging(environment) { $1 })
        let logs = CapturedLogs()
        let host = try ServiceHost<IntakeService>(configuration: configuration, logger: logs.logger("intake"),
                                                  metrics: PrometheusCollectorRegistry())
        let running = Task { try await host.run(shutdownSignals: []) }
        let harness = IntakeHarness(broker: broker, host: host, logs: logs, running: running,
                                    base: URL(string: "http://127.0.0.1:\(port)")!)
        try await eventually("intake is ready") { (try? await harness.get("readyz"))?.status == 200 }
        return harness
    }

    private static func baseEnvironment(_ broker: BrokerFixture, port: Int) -> [String: String] {
        let url = broker.url
        return [
            "AMQP_URL": "amqp://\(url.user):\(url.password)@\(url.host):\(url.port)/\(url.vhost)",
            "DATA_DIR": FileManager.default.temporaryDirectory.appendingPathComponent("intake-\(UUID().uuidString)").path,
            "HTTP_PORT": "\(port)",
            "AMQP_HEARTBEAT_SECONDS": "10",
        ]
    }

    // MARK: The customer's view

    /// `POST /api/v1/requests` with a raw body.
    func submit(_ body: Data, idempotencyKey: String? = nil) async throws -> Answer {
        try await post("api/v1/requests", body: body, headers: idempotencyKey.map { ["Idempotency-Key": $0] } ?? [:])
    }

    /// `POST /api/v1/requests` with a JSON object.
    func submit(_ form: [String: Any], idempotencyKey: String? = nil) async throws -> Answer {
        try await submit(JSONSerialization.data(withJSONObject: form), idempotencyKey: idempotencyKey)
    }

    /// Files ``SampleForms/web()`` and returns its request code.
    func submitSample() async throws -> String {
        let answer = try await submit(SampleForms.web())
        guard answer.status == 201, let code = try answer.json()["requestCode"] as? String else {
            throw FixtureError("the sample request was refused: \(answer.status) \(answer.text)")
        }
        return code
    }

    /// `POST /api/v1/requests/{code}/tracking`.
    func track(_ code: String, phone: String) async throws -> Answer {
        try await post("api/v1/requests/\(code)/tracking", json: ["phone": phone])
    }

    /// `POST /api/v1/requests/{code}/signature`.
    func sign(_ code: String, phone: String, signingCode: String) async throws -> Answer {
        try await post("api/v1/requests/\(code)/signature", json: ["phone": phone, "signingCode": signingCode])
    }

    /// `POST /api/v1/requests/{code}/signing-code`.
    func requestSigningCode(_ code: String, phone: String) async throws -> Answer {
        try await post("api/v1/requests/\(code)/signing-code", json: ["phone": phone])
    }

    /// `POST` of a JSON object to one of the service's paths.
    func post(_ path: String, json: [String: Any]) async throws -> Answer {
        try await post(path, body: JSONSerialization.data(withJSONObject: json))
    }

    /// `GET` of one of the service's paths.
    func get(_ path: String) async throws -> Answer {
        try await Self.send(URLRequest(url: base.appendingPathComponent(path)))
    }

    private func post(_ path: String, body: Data, headers: [String: String] = [:]) async throws -> Answer {
        var request = URLRequest(url: base.appendingPathComponent(path))
        request.httpMethod = "POST"
        request.httpBody = body
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        return try await Self.send(request)
    }

    private static func send(_ request: URLRequest) async throws -> Answer {
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = response as? HTTPURLResponse
        return Answer(status: http?.statusCode ?? 0, location: http?.value(forHTTPHeaderField: "Location"), body: data)
    }

    /// The same service and store seen through a portal whose clock reads `date`: a second HTTP
    /// server on its own port, for rules that depend on time (a code's expiry).
    func portal(at date: Date, _ body: (IntakeHarness) async throws -> Void) async throws {
        let port = Int.random(in: 30_000...39_999)
        let configuration = try ServiceConfiguration(service: IntakeService.name, environment: [
            "HTTP_PORT": "\(port)", "DATA_DIR": host.context.configuration.dataDirectory,
        ])
        let service = try IntakeService(context: host.context, clock: WallClock { date })
        let http = ServiceHTTP.application(configuration: configuration, readinessChecks: [],
                                           metrics: PrometheusCollectorRegistry(), logger: logs.logger("portal"),
                                           routes: service.routes)
        let server = RunningServices([http])
        let portal = IntakeHarness(broker: broker, host: host, logs: logs, running: running,
                                   base: URL(string: "http://127.0.0.1:\(port)")!)
        do {
            try await eventually("the portal listens") { (try? await portal.get("healthz"))?.status == 200 }
            try await body(portal)
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }

    // MARK: The wire

    /// The events the observer queue holds, as a plain AMQP client reads them.
    func publishedMessages() async throws -> [[String: Any]] {
        try await broker.peek(Self.observerQueue, count: 100)
    }

    /// The events of one routing key, bodies decoded.
    func published<Message: MessageContract>(_: Message.Type) async throws -> [Message] {
        try await publishedMessages()
            .filter { $0["routing_key"] as? String == Message.routingKey }
            .map { try Self.decode(Message.self, from: $0) }
    }

    /// The `notification.send-signing-code` commands sent so far, oldest first.
    func sentSigningCodes() async throws -> [SendSigningCode] {
        try await broker.peek(Self.commandObserverQueue, count: 100).map { try Self.decode(SendSigningCode.self, from: $0) }
    }

    /// Waits for the `count`th signing code and returns it.
    func signingCode(number count: Int) async throws -> SendSigningCode {
        try await eventually("signing code \(count) is on the wire") { try await sentSigningCodes().count >= count }
        return try await sentSigningCodes()[count - 1]
    }

    /// Announces, as crm would, that the request's contract was drafted.
    func announceContractDrafted(for requestCode: String, contractNumber: String = "HĐ-TK-2025-000123") async throws {
        let drafted = ContractDrafted(
            contractNumber: contractNumber, requestCode: requestCode,
            branch: Branch(code: "PC05TK", name: "Tam Kỳ", hotline: "0235 3852 999"), holderName: "Nguyễn Văn An",
            site: Site(province: "Quảng Nam", communeCode: "20350", street: "12 Phan Chu Trinh, tổ 3",
                       branchCode: "PC05TK", areaClass: .urban),
            meterSerial: "TK-1P-000042", purpose: .residential, tariffGroup: "residential-tiered", householdCount: 2,
            draftedAt: Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down)))
        let publisher = Publisher(broker: broker.settings("crm/publisher"))
        try await publisher.publish(.event(Envelope(
            routingKey: ContractDrafted.routingKey, version: ContractDrafted.version, correlationId: requestCode,
            appId: ServiceName.crm.rawValue, body: try Envelope.encode(drafted))))
        await publisher.close()
    }

    /// Runs `body` while a stand-in for crm answers `crm.request-timeline` from its inbox, as
    /// crm's consumer does, once crm's queue takes look-ups.
    func withCrm(answering answer: @escaping @Sendable (String) -> RequestTimeline?,
                 _ body: () async throws -> Void) async throws {
        var handlers = MessageHandlers()
        handlers.onQuery(RequestTimelineQuery.routingKey) { message, _ in
            try Envelope.encode(answer(try message.decode(RequestTimelineQuery.self).requestCode))
        }
        let store = try TemporaryStore()
        let health = BrokerHealth()
        let crm = RunningServices([InboxConsumer(
            service: ServiceName.crm.rawValue, broker: broker.settings("crm/consumer"), store: store.pool,
            outbox: Outbox(), handlers: handlers, health: health, logger: Logger(label: "crm"))])
        do {
            try await eventually("crm consumes its inbox") { health.isReady }
            try await body()
        } catch {
            await crm.stop()
            throw error
        }
        await crm.stop()
    }

    /// crm's inbox, bound to the timeline look-up, with nobody consuming it: crm is down.
    func crmSilent() throws {
        let connection = try AMQPConnection(url: broker.url, name: "crm-silent", heartbeatSeconds: 0)
        try Exchange.declareAll(on: connection)
        try connection.declareQueue("crm.inbox")
        try connection.bindQueue("crm.inbox", exchange: Exchange.commands, routingKey: RequestTimelineQuery.routingKey)
        connection.close()
    }

    // MARK: The store

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

    private static func decode<Message: Decodable>(_: Message.Type, from message: [String: Any]) throws -> Message {
        guard let payload = message["payload"] as? String else { throw FixtureError("a message without a payload") }
        return try JSONCoding.decoder.decode(Message.self, from: Data(payload.utf8))
    }
}
