import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Prometheus
import ServiceKit
import SignIn
import StaffAuth
import StaffTokenIssuing
import TestSupport
import Testing

/// The sign-in built in-process on a fresh store, against the development directory that
/// `scripts/test.sh` starts and names in `STAFF_DIRECTORY_URL`, reading the time from ``clock``.
struct SignInUnderTest {
    static let environment = ProcessInfo.processInfo.environment
    /// Whether the directory is there to sign in against.
    static let directoryIsUp = environment["STAFF_DIRECTORY_URL"].map { !$0.isEmpty } ?? false
    static let directoryMissing: Comment = "STAFF_DIRECTORY_URL is unset: run scripts/test.sh, or scripts/directory.sh start and export what scripts/directory.sh env prints"
    /// Every seeded person's development password (`deploy/directory/staff.ldif`).
    static let password = "evn-dev-staff"
    /// A page of the branch console, a `next` the sign-in follows in development.
    static let console = "http://localhost:8081/phieu?trang=2"

    let clock = ManualClock(Date())
    /// What the sign-in logged.
    let logs = CapturedLogs()
    let host: ServiceHost<SignInService>
    let service: SignInService

    /// - Parameter settings: variables set beside the test process's own.
    init(_ settings: [String: String] = [:]) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("signin-\(UUID().uuidString)")
        let environment = Self.environment.merging(["DATA_DIR": folder.path, "EVN_ENV": "development"]) { $1 }
            .merging(settings) { $1 }
        let configuration = try ServiceConfiguration(service: SignInService.name, environment: environment)
        host = try ServiceHost(configuration: configuration, logger: logs.logger("signin-test"),
                               metrics: PrometheusCollectorRegistry(), clock: clock.wallClock)
        service = host.definition
    }

    /// Runs `test` with a browser on the sign-in's routes.
    func browse<Value: Sendable>(_ test: @Sendable (inout Browser) async throws -> Value) async throws -> Value {
        let router = Router(context: ServiceRequestContext.self)
        service.routes(router)
        return try await Application(router: router).test(.router) { client in
            var browser = Browser(client: client)
            return try await test(&browser)
        }
    }

    /// A token of `roles` in `unit` that the sign-in's API accepts now (it checks tokens on
    /// ``clock``, as every service checks them on its own).
    func token(_ roles: Set<StaffRole>, unit: String) async throws -> String {
        let now = clock.now
        return try await StaffTokenIssuer.development(host.context.configuration.staffTokens).issue(
            StaffClaims(staffId: "audit-reader", roles: roles, unit: unit, expiresAt: now.addingTimeInterval(300)),
            audience: [SignInService.name], at: now)
    }

    /// The claims the service `audience` reads from `token` at the clock's time.
    func claims(of token: String?, for audience: String) async throws -> StaffClaims {
        let settings = host.context.configuration.staffTokens
        let verifier = StaffTokenVerifier(keys: settings.keys, policy: StaffTokenPolicy(settings, audience: audience))
        return try await verifier.verify(token ?? "", at: clock.now)
    }
}

extension Browser {
    /// Signs `username` in with `password`, asking to go on to `next`.
    mutating func signIn(_ username: String, password: String = SignInUnderTest.password,
                         next: String = SignInUnderTest.console) async throws -> Answer {
        try await post("/dang-nhap", form: ["username": username, "password": password, "next": next])
    }
}
