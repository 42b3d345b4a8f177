import Foundation
import Hummingbird
import Logging
import Prometheus
import ServiceKit
import TestSupport
import Testing

/// Answers to requests that reached the service over TLS (a trusted proxy's
/// `X-Forwarded-Proto: https`) carry `Strict-Transport-Security` and set only `Secure` cookies.
///
/// The server listens on 127.0.0.1 and the requests are written on raw connections to it, so
/// the peer the middleware judges is exactly 127.0.0.1.
@Suite struct TransportSecurityMiddlewareTests {
    /// Runs `body` against a service behind a proxy on this machine, with a page that sets a
    /// session and a language cookie as the staff sign-in and the portal do, and a route that refuses.
    private func serve(trusting proxies: String, _ body: (Int) async throws -> Void) async throws {
        let port = try FreePort.find()
        let logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })
        let http = ServiceHTTP.application(
            configuration: try ServiceConfiguration(service: "intake", environment: [
                "HTTP_PORT": "\(port)", "TRUSTED_PROXIES": proxies, "EVN_ENV": "development",
            ]),
            readinessChecks: [], metrics: PrometheusCollectorRegistry(), logger: logger
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
        let server = RunningServices([http], logger: logger)
        do {
            try await eventually("the server answers") { await answer(port, "GET /healthz").status == 200 }
            try await body(port)
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }

    /// An answer's status and header lines, lower-cased names.
    struct Answer {
        var status = 0
        var headers: [(name: String, value: String)] = []

        func values(_ name: String) -> [String] { headers.filter { $0.name == name }.map(\.value) }
    }

    /// `requestLine` sent on a fresh connection to 127.0.0.1, over TLS by the proxy's word when `overTLS`.
    private func answer(_ port: Int, _ requestLine: String, overTLS: Bool = false) async -> Answer {
        let request = "\(requestLine) HTTP/1.1\r\nHost: cskh.example.vn\r\nContent-Length: 0\r\nConnection: close\r\n"
            + (overTLS ? "X-Forwarded-Proto: https\r\n" : "") + "\r\n"
        guard let connection = try? RawConnection(port: port), connection.send(request) else { return Answer() }
        let text = await connection.read(for: .seconds(5)).text
        let lines = text.components(separatedBy: "\r\n")
        var answer = Answer()
        answer.status = lines.first.flatMap { Int($0.split(separator: " ").dropFirst().first ?? "") } ?? 0
        for line in lines.dropFirst() {
            guard !line.isEmpty else { break }
            guard let colon = line.firstIndex(of: ":") else { continue }
            answer.headers.append((line[..<colon].lowercased(), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
        }
        return answer
    }

    @Test func overTLSEveryCookieIsSecureAndTheAnswerCarriesHSTS() async throws {
        try await serve(trusting: "127.0.0.1") { port in
            let signIn = await answer(port, "POST /sign-in", overTLS: true)
            #expect(signIn.status == 303)
            #expect(signIn.values("strict-transport-security") == ["max-age=31536000"])
            let cookies = signIn.values("set-cookie")
            #expect(cookies.count == 2)
            #expect(cookies.allSatisfy { $0.hasSuffix("; Secure") })
            let refused = await answer(port, "GET /refused", overTLS: true)
            #expect(refused.status == 404)
            #expect(refused.values("strict-transport-security") == ["max-age=31536000"])
        }
    }

    @Test func overPlainHTTPNothingChanges() async throws {
        try await serve(trusting: "127.0.0.1") { port in
            let signIn = await answer(port, "POST /sign-in")
            #expect(signIn.status == 303)
            #expect(signIn.values("strict-transport-security").isEmpty)
            #expect(signIn.values("set-cookie").count == 2)
            #expect(signIn.values("set-cookie").allSatisfy { !$0.contains("Secure") })
        }
    }

    @Test func aForwardedProtoFromAnUntrustedPeerIsIgnored() async throws {
        try await serve(trusting: "10.0.0.0/8") { port in
            let signIn = await answer(port, "POST /sign-in", overTLS: true)
            #expect(signIn.status == 303)
            #expect(signIn.values("strict-transport-security").isEmpty)
            #expect(signIn.values("set-cookie").allSatisfy { !$0.contains("Secure") })
        }
    }
}
