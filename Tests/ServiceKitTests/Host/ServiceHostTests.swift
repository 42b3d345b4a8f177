import Foundation
import GRDB
import Hummingbird
@testable import Messaging
import PersonalData
import ServiceKit
import TestSupport
import Testing

/// A service as small as a service can be: an HTTP request writes a row and
/// an event in one transaction; the service consumes its own event and
/// updates the row.
private struct EchoService: ServiceDefinition {
    static let name = "echo"

    static func migrations(_ migrator: inout DatabaseMigrator, personalData: PersonalDataProtector) {
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

    func routes(_ router: Router<ServiceRequestContext>) {
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
        try await ServiceHarness<EchoService>.run(observing: []) { echo in
            #expect(try await echo.call("POST", "pings/p-1").status == 201)
            try await eventually("the service handled its own event") {
                try await echo.host.context.store.database.read { db in
                    try String.fetchOne(db, sql: "SELECT state FROM pings WHERE id = 'p-1'")
                } == "echoed"
            }
            #expect(try await echo.get("metrics").status == 200)
            #expect(FileManager.default.fileExists(atPath: "\(echo.dataDirectory)/echo.sqlite"))
        }
    }
}
