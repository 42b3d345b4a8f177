@testable import Messaging
import Foundation
import TestSupport
import Testing

/// The broker's AMQPS listener (`scripts/broker.sh` makes its CA and certificate): relay and
/// consumer work over TLS, and a broker whose certificate does not chain to the trusted CAs is
/// refused before any credential is sent.
@Suite struct AMQPSTests {
    private static let environment = ProcessInfo.processInfo.environment
    private static let caFile = environment["BROKER_CA_FILE"] ?? "var/rabbitmq/tls/ca.pem"

    private func tlsURL(_ broker: BrokerFixture) throws -> AMQPURL {
        let url = try AMQPURL(Self.environment["BROKER_TLS_URL"] ?? "amqps://evn:evn@localhost:5671/evn")
        #expect(url.tls)
        return url.with(vhost: broker.vhost)
    }

    private func settings(_ url: AMQPURL, _ name: String, caFile: String?) -> BrokerSettings {
        BrokerSettings(url: url, connectionName: name, heartbeatSeconds: 10,
                       reconnect: Backoff(initial: .milliseconds(50), maximum: .milliseconds(500)), caFile: caFile)
    }

    @Test func aMessageGoesThroughRelayAndConsumerOverTLS() async throws {
        let broker = try await BrokerFixture.make("amqps")
        let service = try TestService("svc", broker: broker)
        let url = try tlsURL(broker)
        var handlers = MessageHandlers()
        handlers.onEvent("svc.meter.read", TestService.recordValue)
        let relay = OutboxRelay(broker: settings(url, "svc/relay", caFile: Self.caFile), store: service.store.pool,
                                outbox: service.outbox, health: service.health, logger: service.logger, service: "svc")
        let consumer = InboxConsumer(service: "svc", broker: settings(url, "svc/consumer", caFile: Self.caFile),
                                     store: service.store.pool, outbox: service.outbox, handlers: handlers,
                                     health: service.health, logger: service.logger)
        let services = RunningServices([consumer, relay])
        try await service.waitUntilConsuming()
        try service.enqueue([try service.event("svc.meter.read", value: "sent over TLS")])

        try await eventually("the message went out and came back in over amqps") { try service.effects() == ["sent over TLS"] }
        #expect(service.health.snapshot == ["svc/relay": true, "svc/consumer": true])
        await services.stop()
        await broker.tearDown()
    }

    @Test func aBrokerCertificateNotSignedByTheTrustedCAIsRefused() async throws {
        let broker = try await BrokerFixture.make("amqps-refused")
        let url = try tlsURL(broker)
        let stranger = try OtherCA()
        #expect {
            _ = try AMQPConnection(url: url, name: "t", heartbeatSeconds: 0, caFile: stranger.certificate)
        } throws: { error in
            guard case .tlsRefused = error as? AMQPError else { return false }
            return true
        }
        // The system's CAs (the default without a CA file) do not know the local CA either.
        #expect {
            _ = try AMQPConnection(url: url, name: "t", heartbeatSeconds: 0, caFile: nil)
        } throws: { error in
            guard case .tlsRefused = error as? AMQPError else { return false }
            return true
        }
        // The same broker with the right CA is accepted: the refusals were about trust.
        try AMQPConnection(url: url, name: "t", heartbeatSeconds: 0, caFile: Self.caFile).close()
        await broker.tearDown()
    }
}

/// A CA of its own, made with the openssl CLI: it signed nothing the broker presents.
private struct OtherCA {
    let certificate: String

    init() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("evn-ca-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        certificate = folder.appendingPathComponent("ca.pem").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        process.arguments = ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
                             "-keyout", folder.appendingPathComponent("ca.key").path, "-out", certificate]
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw FixtureError("openssl req exited with \(process.terminationStatus)") }
    }
}
