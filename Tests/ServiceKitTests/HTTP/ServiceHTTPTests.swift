import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Prometheus
import Testing
import ServiceKit

@Suite struct ServiceHTTPTests {
    struct StubCheck: ReadinessCheck {
        struct Unreachable: Error {}

        let name: String
        let result: Result<Bool, Unreachable>

        func check() async throws -> Bool {
            try result.get()
        }
    }

    struct Readiness: Decodable, Equatable {
        let status: String
        let failing: [String]
    }

    let registry = PrometheusCollectorRegistry()

    func application(
        checks: [any ReadinessCheck] = [],
        routes: (Router<ServiceRequestContext>) -> Void = { _ in }
    ) throws -> some ApplicationProtocol {
        ServiceHTTP.application(
            configuration: try ServiceConfiguration(service: "intake", environment: [:]),
            readinessChecks: checks,
            metrics: registry,
            logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }),
            routes: routes
        )
    }

    @Test func healthzAnswersOKWhileRunning() async throws {
        try await application().test(.router) { client in
            try await client.execute(uri: "/healthz", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body) == "ok")
            }
        }
    }

    @Test func readyzAnswers200WhenEveryCheckPasses() async throws {
        let checks = [
            StubCheck(name: "store", result: .success(true)),
            StubCheck(name: "broker", result: .success(true)),
        ]
        try await application(checks: checks).test(.router) { client in
            try await client.execute(uri: "/readyz", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/json; charset=utf-8")
                let body = try JSONDecoder().decode(Readiness.self, from: response.body)
                #expect(body == Readiness(status: "ready", failing: []))
            }
        }
    }

    @Test func readyzAnswers503NamingTheFailingChecks() async throws {
        let checks = [
            StubCheck(name: "store", result: .failure(.init())),
            StubCheck(name: "cache", result: .success(true)),
            StubCheck(name: "broker", result: .success(false)),
        ]
        try await application(checks: checks).test(.router) { client in
            try await client.execute(uri: "/readyz", method: .get) { response in
                #expect(response.status == .serviceUnavailable)
                let body = try JSONDecoder().decode(Readiness.self, from: response.body)
                #expect(body == Readiness(status: "not ready", failing: ["store", "broker"]))
            }
        }
    }

    @Test func metricsRendersTheRegistryAsPrometheusText() async throws {
        let descriptor = MetricNameDescriptor(
            namespace: "intake",
            metricName: "requests",
            unitName: "total",
            helpText: "Requests taken."
        )
        registry.makeCounter(descriptor: descriptor).increment(by: Int64(2))

        try await application().test(.router) { client in
            try await client.execute(uri: "/metrics", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/plain; version=0.0.4")
                #expect(String(buffer: response.body).contains("intake_requests_total 2"))
            }
        }
    }

    @Test func theServiceAddsItsOwnRoutes() async throws {
        let app = try application { router in
            router.get("requests/:code") { _, context in
                try context.parameters.require("code")
            }
        }
        try await app.test(.router) { client in
            try await client.execute(uri: "/requests/YC-2405-0001", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body) == "YC-2405-0001")
            }
        }
    }
}
