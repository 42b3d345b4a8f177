import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Prometheus
import ServiceKit
import TestSupport
import Testing

/// Answers to requests that reached the service over TLS (a trusted proxy's
/// `X-Forwarded-Proto: https`) carry `Strict-Transport-Security` and set only `Secure` cookies.
@Suite struct TransportSecurityMiddlewareTests {
    /// A service behind a proxy on this machine, with a page that sets a session and a language
    /// cookie as the staff sign-in and the portal do, and a route that refuses.
    func application(trusting proxies: String) throws -> some ApplicationProtocol {
        ServiceHTTP.application(
            configuration: try ServiceConfiguration(service: "intake", environment: [
                "HTTP_PORT": "\(try FreePort.find())", "TRUSTED_PROXIES": proxies, "EVN_ENV": "development",
            ]),
            readinessChecks: [], metrics: PrometheusCollectorRegistry(),
            logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })
        ) { router in
            router.post("sign-in") { _, _ in
                var response = Response(status: .seeOther, headers: [.location: "/"])
                response.setCookie(Cookie(name: "staff_token", value: "t", maxAge: 60, path: "/", secure: false,
                                          httpOnly: true, sameSite: .strict))
                response.setCookie(Cookie(name: "lang", value: "en", path: "/", httpOnly: true, sameSite: .lax))
                return response
            }
            router.get("refused") { _, _ -> Response in
                throw APIError.notFound(vi: "trang", en: "page")
            }
        }
    }

    static let forwardedOverTLS: HTTPFields = [.init("X-Forwarded-Proto")!: "https"]

    @Test func overTLSEveryCookieIsSecureAndTheAnswerCarriesHSTS() async throws {
        try await application(trusting: "127.0.0.1").test(.live) { client in
            try await client.execute(uri: "/sign-in", method: .post, headers: Self.forwardedOverTLS) { response in
                #expect(response.headers[.strictTransportSecurity] == "max-age=31536000")
                let cookies = response.headers[values: .setCookie]
                #expect(cookies.count == 2)
                #expect(cookies.allSatisfy { $0.hasSuffix("; Secure") })
            }
            try await client.execute(uri: "/refused", method: .get, headers: Self.forwardedOverTLS) { response in
                #expect(response.status == .notFound)
                #expect(response.headers[.strictTransportSecurity] == "max-age=31536000")
            }
        }
    }

    @Test func overPlainHTTPNothingChanges() async throws {
        try await application(trusting: "127.0.0.1").test(.live) { client in
            try await client.execute(uri: "/sign-in", method: .post) { response in
                #expect(response.headers[.strictTransportSecurity] == nil)
                #expect(response.headers[values: .setCookie].allSatisfy { !$0.contains("Secure") })
            }
        }
    }

    @Test func aForwardedProtoFromAnUntrustedPeerIsIgnored() async throws {
        try await application(trusting: "10.0.0.0/8").test(.live) { client in
            try await client.execute(uri: "/sign-in", method: .post, headers: Self.forwardedOverTLS) { response in
                #expect(response.headers[.strictTransportSecurity] == nil)
                #expect(response.headers[values: .setCookie].allSatisfy { !$0.contains("Secure") })
            }
        }
    }
}
