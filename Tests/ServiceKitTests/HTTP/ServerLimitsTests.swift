import Foundation
import Hummingbird
import Logging
import Prometheus
import ServiceKit
import Testing
import TestSupport

/// A live server on a free port, attacked the way a slow-loris client does: connections opened
/// and left idle, a request head trickled a line at a time, a body trickled a byte at a time,
/// a head too large. The server cuts each after its limit and goes on serving new customers.
@Suite(.serialized) struct ServerLimitsTests {
    static let customerRequest = "GET /healthz HTTP/1.1\r\nHost: cskh.example.vn\r\nConnection: close\r\n\r\n"

    /// Runs `body` against the HTTP application of a service configured with `settings`.
    private func serve(_ settings: [String: String], _ body: (Int) async throws -> Void) async throws {
        let port = try FreePort.find()
        let configuration = try ServiceConfiguration(service: "intake", environment: [
            "EVN_ENV": "development", "HTTP_PORT": "\(port)",
        ].merging(settings) { $1 })
        let logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })
        let http = ServiceHTTP.application(configuration: configuration, readinessChecks: [],
                                           metrics: PrometheusCollectorRegistry(), logger: logger) { router in
            router.post("api/v1/reports") { request, _ in
                _ = try await request.body.collect(upTo: 1 << 20)
                return "received"
            }
        }
        let server = RunningServices([http], logger: logger)
        do {
            try await eventually("the server answers") { await customer(port).hasPrefix("HTTP/1.1 200") }
            try await body(port)
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }

    /// A new customer's request on a fresh connection, and the answer's text ("" when none came in 5 s).
    private func customer(_ port: Int) async -> String {
        guard let connection = try? RawConnection(port: port), connection.send(Self.customerRequest) else { return "" }
        return await connection.read(for: .seconds(5)).text
    }

    @Test func idleAndSlowHeaderClientsAreCutAfterTheTimeoutWhileNewCustomersAreServed() async throws {
        try await serve(["HTTP_IDLE_TIMEOUT_SECONDS": "3"]) { port in
            let opened = ContinuousClock.now
            let idle = try (0..<200).map { _ in try RawConnection(port: port) }
            let slow = try RawConnection(port: port)
            let trickling = Task {
                await slow.onOwnThread {
                    guard slow.send("GET /healthz HTTP/1.1\r\nHost: cskh.example.vn\r\n") else { return (lines: 0, reply: "") }
                    for line in 1...60 {
                        let (reply, closed) = slow.readBlocking(until: .now + .milliseconds(200))
                        if closed || !slow.send("X-Slow-\(line): 1\r\n") { return (lines: line, reply: reply) }
                    }
                    return (lines: 60, reply: "")
                }
            }

            let asked = ContinuousClock.now
            let answer = await customer(port)
            #expect(answer.hasPrefix("HTTP/1.1 200"), "a new customer is served beside 200 idle connections")
            #expect(ContinuousClock.now - asked < .seconds(2), "and at once, not after the idle ones are cut")

            var cutAt: [Duration] = []
            for connection in idle {
                let (text, closed) = await connection.read(for: .seconds(8))
                #expect(closed && text.isEmpty)
                cutAt.append(ContinuousClock.now - opened)
            }
            #expect(cutAt.first! >= .milliseconds(2500), "not before the timeout")
            #expect(cutAt.last! < .seconds(9), "and soon after it")

            let trickled = await trickling.value
            #expect(trickled.lines < 60, "the slow head is cut off before it ends")
            #expect(!trickled.reply.contains("200"), "and is never answered")
            #expect(await customer(port).hasPrefix("HTTP/1.1 200"))
        }
    }

    @Test func aBodyTrickledPastTheReadTimeoutIsCut() async throws {
        try await serve(["HTTP_IDLE_TIMEOUT_SECONDS": "20", "HTTP_READ_TIMEOUT_SECONDS": "2"]) { port in
            let connection = try RawConnection(port: port)
            let started = ContinuousClock.now
            let outcome = await connection.onOwnThread {
                guard connection.send("POST /api/v1/reports HTTP/1.1\r\nHost: cskh.example.vn\r\nContent-Length: 100\r\n\r\n")
                else { return (bytes: 0, reply: "") }
                for byte in 1...100 {
                    let (reply, closed) = connection.readBlocking(until: .now + .milliseconds(200))
                    if closed || !connection.send("x") { return (bytes: byte, reply: reply) }
                }
                return (bytes: 100, reply: connection.readBlocking(until: .now + .seconds(1)).text)
            }
            #expect(outcome.bytes < 100, "the body is cut off before it ends")
            #expect(!outcome.reply.contains("received"))
            #expect(ContinuousClock.now - started >= .milliseconds(1500))
            #expect(ContinuousClock.now - started < .seconds(12), "long before the idle timeout")
        }
    }

    @Test func aHeadLargerThanTheLimitIsRefused() async throws {
        try await serve(["HTTP_MAX_HEADER_BYTES": "2048"]) { port in
            let fits = try RawConnection(port: port)
            #expect(fits.send("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Pad: \(String(repeating: "a", count: 1500))\r\nConnection: close\r\n\r\n"))
            #expect(await fits.read(for: .seconds(5)).text.hasPrefix("HTTP/1.1 200"))

            let large = try RawConnection(port: port)
            _ = large.send("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Pad: \(String(repeating: "a", count: 4000))\r\n\r\n")
            let (text, closed) = await large.read(for: .seconds(5))
            #expect(closed)
            #expect(!text.hasPrefix("HTTP/1.1 200"))
        }
    }

    @Test func clientsBeyondTheConnectionCapWaitUntilAnIdleOneIsCut() async throws {
        try await serve(["HTTP_MAX_CONNECTIONS": "5", "HTTP_IDLE_TIMEOUT_SECONDS": "2"]) { port in
            // Five connections, each answered once (so the server has taken it) and then kept alive idle.
            var idle: [RawConnection] = []
            var firstIdleSince: ContinuousClock.Instant?
            for _ in 0..<5 {
                let connection = try RawConnection(port: port)
                #expect(connection.send("GET /healthz HTTP/1.1\r\nHost: cskh.example.vn\r\n\r\n"))
                let answer = await connection.read(for: .seconds(5)) { $0.hasSuffix("\r\n\r\nok") }
                #expect(answer.text.hasPrefix("HTTP/1.1 200") && !answer.closed)
                firstIdleSince = firstIdleSince ?? ContinuousClock.now
                idle.append(connection)
            }
            let answer = await customer(port)
            #expect(answer.hasPrefix("HTTP/1.1 200"), "served once a place is free")
            // The first place frees when the first idle connection is cut, 2 s after its answer
            // (however long the other four took to open on a busy machine).
            let waited = ContinuousClock.now - (firstIdleSince ?? .now)
            #expect(waited >= .milliseconds(1500), "not while five idle connections hold every place")
            for connection in idle {
                #expect(await connection.read(for: .seconds(5)).closed)
            }
        }
    }
}
