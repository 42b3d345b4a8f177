import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Prometheus
import Testing
import ServiceKit
import Synchronization

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
        gauges: [ScrapedGauge] = [],
        environment: [String: String] = [:],
        formTargets: [String] = [],
        routes: (Router<ServiceRequestContext>) -> Void = { _ in }
    ) throws -> some ApplicationProtocol {
        ServiceHTTP.application(
            configuration: try ServiceConfiguration(service: "intake",
                                                    environment: environment.merging(["EVN_ENV": "development"]) { $1 }),
            readinessChecks: checks,
            metrics: registry,
            gauges: gauges,
            logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }),
            formTargets: formTargets,
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

    @Test func metricsShowEachReadinessCheckAndTheServicesGaugesAsOfTheScrape() async throws {
        struct Unreadable: Error {}
        final class Queue: Sendable { let waiting = Mutex(3.0) }
        let queue = Queue()
        let checks = [
            StubCheck(name: "store", result: .success(true)),
            StubCheck(name: "broker", result: .success(false)),
        ]
        let gauges = [
            ScrapedGauge(name: "reminders_waiting", help: "Reminders queued") { queue.waiting.withLock { $0 } },
            ScrapedGauge(name: "tickets_past_service_time", help: "Late tickets") { throw Unreadable() },
        ]
        try await application(checks: checks, gauges: gauges).test(.router) { client in
            try await client.execute(uri: "/metrics", method: .get) { response in
                #expect(response.status == .ok)
                let text = String(buffer: response.body)
                #expect(text.contains(#"readiness_check_passing{check="store"} 1.0"#))
                #expect(text.contains(#"readiness_check_passing{check="broker"} 0.0"#))
                #expect(text.contains("reminders_waiting 3.0\n"))
                #expect(!text.contains("tickets_past_service_time"), "a gauge that cannot be read is left out")
            }
            queue.waiting.withLock { $0 = 0 }
            try await client.execute(uri: "/metrics", method: .get) { response in
                #expect(String(buffer: response.body).contains("reminders_waiting 0.0\n"))
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

    struct Refusal: Decodable {
        struct Problem: Decodable {
            let code: String
            let message: [String: String]
        }
        let errors: [Problem]
    }

    @Test func aKnownPathAskedWithAnotherMethodAnswers405NamingTheMethodsItTakes() async throws {
        let app = try application { router in
            router.post("api/v1/requests") { _, _ in "filed" }
            router.get("api/v1/requests/:code") { _, _ in "found" }
            router.delete("api/v1/requests/:code") { _, _ in "withdrawn" }
        }
        try await app.test(.router) { client in
            try await client.execute(uri: "/api/v1/requests", method: .get) { response in
                #expect(response.status == .methodNotAllowed)
                #expect(response.headers[.allow] == "POST")
                let refusal = try JSONDecoder().decode(Refusal.self, from: response.body)
                #expect(refusal.errors.map(\.code) == ["method.not_allowed"])
                #expect(refusal.errors.first?.message["vi"]?.isEmpty == false)
                #expect(refusal.errors.first?.message["en"]?.isEmpty == false)
            }
            try await client.execute(uri: "/api/v1/requests/PC05TK-261203-000001", method: .put) { response in
                #expect(response.status == .methodNotAllowed)
                #expect(response.headers[.allow] == "GET, HEAD, DELETE")
            }
            try await client.execute(uri: "/healthz", method: .post) { response in
                #expect(response.status == .methodNotAllowed)
                #expect(response.headers[.allow] == "GET, HEAD")
            }
            for method in [HTTPRequest.Method("QUERY")!, .trace] {
                try await client.execute(uri: "/api/v1/requests/PC05TK-261203-000001", method: method) { response in
                    #expect(response.status == .methodNotAllowed, "\(method) is refused as a method, not as an address")
                    #expect(response.headers[.allow] == "GET, HEAD, DELETE")
                }
            }
            try await client.execute(uri: "/healthz", method: .head) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/api/v1/nothing-here", method: .get) { response in
                #expect(response.status == .notFound)
            }
        }
    }

    @Test func everyAnswerForbidsSniffingAndReferrers() async throws {
        let app = try application { router in
            router.get("api/v1/refused") { _, _ -> String in
                throw APIError(status: .unprocessableContent, field: "phone", code: "phone.invalid", vi: "Sai", en: "Wrong")
            }
        }
        try await app.test(.router) { client in
            for (uri, status) in [("/readyz", HTTPResponse.Status.ok), ("/api/v1/refused", .unprocessableContent),
                                  ("/api/v1/nothing-here", .notFound)] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == status)
                    #expect(response.headers[.xContentTypeOptions] == "nosniff", "\(uri)")
                    #expect(response.headers[HTTPField.Name("Referrer-Policy")!] == "no-referrer", "\(uri)")
                    #expect(response.headers[.contentSecurityPolicy] == "default-src 'none'; frame-ancestors 'none'")
                }
            }
        }
    }

    /// The headers of a page (`text/html`) the service with `environment` and `formTargets` answers.
    func pageHeaders(environment: [String: String] = [:], formTargets: [String] = []) async throws -> HTTPFields {
        let app = try application(environment: environment, formTargets: formTargets) { router in
            router.get("trang") { _, _ in
                Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"],
                         body: .init(byteBuffer: ByteBuffer(string: "<!doctype html><title>Trang</title>")))
            }
        }
        return try await app.test(.router) { client in
            try await client.execute(uri: "/trang", method: .get) { $0.headers }
        }
    }

    @Test func aPageMayRunOnlyTheServicesOwnScriptsAndStylesAndNeverBeFramed() async throws {
        let headers = try await pageHeaders()
        let policy = try #require(headers[.contentSecurityPolicy])
        let directives = Set(policy.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) })
        #expect(directives.isSuperset(of: [
            "default-src 'none'", "script-src 'self'", "style-src 'self'", "frame-ancestors 'none'",
        ]))
        #expect(!policy.contains("unsafe-inline"))
        #expect(headers[HTTPField.Name("X-Frame-Options")!] == "DENY")
        #expect(headers[.xContentTypeOptions] == "nosniff")
        #expect(headers[HTTPField.Name("Referrer-Policy")!] == "no-referrer")
    }

    /// The staff pages' sign-out button posts to the staff sign-in, and the sign-in's form is
    /// answered with a redirect to a console: a page may post forms to this service, the
    /// sign-in's origin and the service's own form targets, and nowhere else.
    @Test(arguments: [
        ([:], [], "http://localhost:8087"),
        (["STAFF_SIGN_IN_URL": "https://sso.evn.example.vn:8443/nhan-vien/"], [], "https://sso.evn.example.vn:8443"),
        ([:], ["http://127.0.0.1:8081", "http://127.0.0.1:8083"],
         "http://localhost:8087 http://127.0.0.1:8081 http://127.0.0.1:8083"),
    ])
    func aPagePostsFormsOnlyToThisServiceTheStaffSignInAndItsFormTargets(
        environment: [String: String], formTargets: [String], origin: String
    ) async throws {
        let policy = try #require(try await pageHeaders(environment: environment, formTargets: formTargets)[.contentSecurityPolicy])
        let directives = policy.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(directives.filter { $0.hasPrefix("form-action") } == ["form-action 'self' \(origin)"])
    }
}
