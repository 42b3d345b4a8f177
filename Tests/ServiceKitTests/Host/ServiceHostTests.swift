import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import GRDB
import Hummingbird
import Logging
import Messaging
import Prometheus
import ServiceKit
import TestSupport
import Testing

/// A service as small as a service can be: an HTTP request writes a row and
/// an event in one transaction; the service consumes its own event and
/// updates the row.
private struct EchoService: ServiceDefinition {
    static let name = "echo"

    static func migrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("echo.pings") { db in
            try db.execute(sql: "CREATE TABLE pings (id TEXT PRIMARY KEY, state TEXT NOT NULL)")
        }
    }

    let context: ServiceContext

    init(context: ServiceContext) {
        self.context = context
    }

    var handlers: MessageHandlers {
        var handlers = MessageHandlers()
        handlers.onEvent("echo.ping.received") { message, db in
            let id = try message.decode([String: String].self)["id"] ?? ""
            try db.execute(sql: "UPDATE pings SET state = 'echoed' WHERE id = ?", arguments: [id])
        }
        return handlers
    }

    func routes(_ router: Router<BasicRequestContext>) {
        let (writer, outbox) = (context.writer, context.outbox)
        router.post("pings/:id") { _, request -> HTTPResponse.Status in
            let id = try request.parameters.require("id")
            let event = Envelope(routingKey: "echo.ping.received", correlationId: id, appId: "echo",
                                 body: try Envelope.encode(["id": id]))
            try await writer.write { db in
                try db.execute(sql: "INSERT INTO pings (id, state) VALUES (?, 'received')", arguments: [id])
                try outbox.enqueue(.event(event), in: db)
            }
            return .created
        }
    }
}

@Suite struct ServiceHostTests {
    @Test func aServiceTakesARequestPublishesItsEventAndConsumesIt() async throws {
        let broker = try await BrokerFixture.make("host")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("host-\(UUID().uuidString)").path
        let port = Int.random(in: 20_000...29_999)
        let url = broker.url
        let configuration = try ServiceConfiguration(service: EchoService.name, environment: [
            "AMQP_URL": "amqp://\(url.user):\(url.password)@\(url.host):\(url.port)/\(url.vhost)",
            "DATA_DIR": folder,
            "HTTP_PORT": "\(port)",
            "AMQP_HEARTBEAT_SECONDS": "10",
        ])
        let host = try ServiceHost<EchoService>(configuration: configuration, logger: Logger(label: "echo"),
                                                metrics: PrometheusCollectorRegistry())
        let running = Task { try await host.run(shutdownSignals: []) }
        let base = URL(string: "http://127.0.0.1:\(port)")!

        try await eventually("ready") { try await status(of: "GET", base.appendingPathComponent("readyz")) == 200 }
        #expect(try await status(of: "POST", base.appendingPathComponent("pings/p-1")) == 201)
        try await eventually("the service handled its own event") {
            try await host.context.store.database.read { db in
                try String.fetchOne(db, sql: "SELECT state FROM pings WHERE id = 'p-1'")
            } == "echoed"
        }
        #expect(try await status(of: "GET", base.appendingPathComponent("metrics")) == 200)
        #expect(FileManager.default.fileExists(atPath: "\(folder)/echo.sqlite"))

        running.cancel()
        _ = await running.result
        await broker.tearDown()
    }

    private func status(of method: String, _ url: URL) async throws -> Int {
        var request = URLRequest(url: url)
        request.httpMethod = method
        do {
            let (_, response) = try await URLSession.shared.data(for: request)
            return (response as? HTTPURLResponse)?.statusCode ?? 0
        } catch {
            return 0
        }
    }
}
