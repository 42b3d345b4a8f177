import Contracts
import Foundation
@testable import Intake
import Logging
import Messaging
import Prometheus
import ServiceKit
import TestSupport

/// Intake running in-process against the real broker, with observer queues on `evn.events`
/// (every event) and on `evn.commands` (`notification.send-signing-code`): the customer's
/// HTTP view and the wire view of the same request.
typealias IntakeHarness = ServiceHarness<IntakeService>

extension ServiceHarness where Definition == IntakeService {
    static var observerQueue: String { "intake-test.observer" }
    static var commandObserverQueue: String { "intake-test.commands" }

    /// Starts a fresh intake, runs `body` against it, and stops it whether `body` passed or threw.
    ///
    /// - Parameter environment: intake's own settings, beside the ones the harness sets.
    static func run(environment: [String: String] = [:], _ body: (IntakeHarness) async throws -> Void) async throws {
        try await run(observing: [ObserverQueue(observerQueue),
                                  ObserverQueue(commandObserverQueue, events: [], commands: [SendSigningCode.routingKey])],
                      environment: environment, body)
    }

    // MARK: The customer's view

    /// `POST /api/v1/requests` with a raw body.
    func submit(_ body: Data, idempotencyKey: String? = nil) async throws -> HTTPAnswer {
        try await post("api/v1/requests", raw: body, headers: idempotencyKey.map { ["Idempotency-Key": $0] } ?? [:])
    }

    /// `POST /api/v1/requests` with a JSON object.
    func submit(_ form: [String: Any], idempotencyKey: String? = nil) async throws -> HTTPAnswer {
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

    /// `POST /api/v1/requests/{code}/tracking`, from `client` when intake trusts this machine as its proxy.
    func track(_ code: String, phone: String, from client: String? = nil) async throws -> HTTPAnswer {
        try await post("api/v1/requests/\(code)/tracking", ["phone": phone], headers: Self.forwarded(client))
    }

    /// `POST /api/v1/requests` with a JSON object, from `client` (see ``track(_:phone:from:)``).
    func submit(_ form: [String: Any], from client: String?) async throws -> HTTPAnswer {
        try await post("api/v1/requests", form, headers: Self.forwarded(client))
    }

    /// `POST /api/v1/outage-reports` naming `phone`, from `client`.
    func reportOutage(phone: String, from client: String? = nil) async throws -> HTTPAnswer {
        try await post("api/v1/outage-reports", ["channel": "web", "communeCode": "20350", "phone": phone, "consent": true],
                       headers: Self.forwarded(client))
    }

    /// The header a proxy adds for `client`.
    static func forwarded(_ client: String?) -> [String: String] {
        client.map { ["X-Forwarded-For": $0] } ?? [:]
    }

    /// `POST /api/v1/requests/{code}/signature`.
    func sign(_ code: String, phone: String, signingCode: String) async throws -> HTTPAnswer {
        try await post("api/v1/requests/\(code)/signature", ["phone": phone, "signingCode": signingCode])
    }

    /// `POST /api/v1/requests/{code}/signing-code`.
    func requestSigningCode(_ code: String, phone: String) async throws -> HTTPAnswer {
        try await post("api/v1/requests/\(code)/signing-code", ["phone": phone])
    }

    /// `POST path` with `fields` as a browser posts a portal form.
    func submitPage(_ path: String, _ fields: [String: String]) async throws -> HTTPAnswer {
        var encoding = URLComponents()
        encoding.queryItems = fields.map { URLQueryItem(name: $0.key, value: $0.value) }
        return try await call("POST", path, body: Data((encoding.percentEncodedQuery ?? "").utf8),
                              headers: ["Content-Type": "application/x-www-form-urlencoded"])
    }

    /// The same service and store seen through a portal whose clock reads `date`: a second HTTP
    /// server on its own port, for rules that depend on time (a code's expiry).
    func portal(at date: Date, _ body: (IntakeHarness) async throws -> Void) async throws {
        let port = try FreePort.find()
        let configuration = try ServiceConfiguration(service: IntakeService.name, environment: [
            "HTTP_PORT": "\(port)", "DATA_DIR": dataDirectory, "EVN_ENV": "development",
        ])
        let service = try IntakeService(context: host.context.reading(WallClock { date }))
        let http = ServiceHTTP.application(configuration: configuration, readinessChecks: [],
                                           metrics: PrometheusCollectorRegistry(), logger: logs.logger("portal"),
                                           routes: service.routes)
        let server = RunningServices([http])
        let portal = through(URL(string: "http://127.0.0.1:\(port)")!)
        do {
            try await portal.waitUntilAnswering("healthz", "the portal")
            try await body(portal)
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }

    // MARK: The wire

    /// The `notification.send-signing-code` commands sent so far, oldest first.
    func sentSigningCodes() async throws -> [SendSigningCode] {
        try await sent(SendSigningCode.self, on: Self.commandObserverQueue)
    }

    /// Waits for the `count`th signing code and returns it.
    func signingCode(number count: Int) async throws -> SendSigningCode {
        try await eventually("signing code \(count) is on the wire") { try await sentSigningCodes().count >= count }
        return try await sentSigningCodes()[count - 1]
    }

    /// Announces, as crm would, that the request's contract was drafted; with `holderName` and
    /// `signerPhone`, drafted again for a new holder who signs with their own phone.
    @discardableResult
    func announceContractDrafted(for requestCode: String, contractNumber: String = "HĐ-TK-2025-000123",
                                 holderName: String = "Nguyễn Văn An", holderIdMasked: String? = "049*******23",
                                 signerPhone: String? = nil) async throws -> String {
        let drafted = ContractDrafted(
            contractNumber: contractNumber, requestCode: requestCode,
            branch: Branch(code: "PC05TK", name: "Tam Kỳ", hotline: "0235 3852 999"), holderName: holderName,
            holderIdMasked: holderIdMasked, site: Site(province: "Quảng Nam", communeCode: "20350", street: "12 Phan Chu Trinh, tổ 3",
                       branchCode: "PC05TK", areaClass: .urban),
            meterSerial: "TK-1P-000042", purpose: .residential, tariffGroup: "residential-tiered", householdCount: 2,
            draftedAt: Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down)), signerPhone: signerPhone)
        return try await publish(drafted, correlationId: requestCode, appId: ServiceName.crm.rawValue)
    }

    /// Runs `body` while a stand-in for crm answers `crm.request-timeline` from its look-up
    /// queue, as crm does.
    func withCrm(answering answer: @escaping @Sendable (String) -> RequestTimeline?,
                 _ body: () async throws -> Void) async throws {
        var handlers = MessageHandlers()
        handlers.answer(RequestTimelineQuery.self) { query, _ in answer(query.requestCode) }
        let store = try TemporaryStore()
        let health = BrokerHealth()
        let crm = RunningServices([LookupConsumer(
            service: ServiceName.crm.rawValue, broker: broker.settings("crm/answers"), store: store.pool,
            handlers: handlers, health: health, logger: Logger(label: "crm"))])
        do {
            try await eventually("crm consumes its look-up queue") { health.isReady }
            try await body()
        } catch {
            await crm.stop()
            throw error
        }
        await crm.stop()
    }

    /// crm's look-up queue, bound to the timeline look-up, with nobody consuming it: crm is down.
    func crmSilent() async throws {
        try await broker.declareQueue("crm.lookups", events: [], commands: [RequestTimelineQuery.routingKey])
    }
}
