import Foundation
import GRDB
import Hummingbird
import Logging
import Messaging
import PersonalData
@testable import ServiceKit
import TestSupport
import Testing

/// A service that sends one command nobody consumes yet.
private struct DispatchService: ServiceDefinition {
    static let name = "dispatch"
    static func migrations(_ migrator: inout DatabaseMigrator, personalData: PersonalDataProtector) {}
    init(context: ServiceContext) {}
    var handlers: MessageHandlers { MessageHandlers() }
    func routes(_ router: Router<ServiceRequestContext>) {}
}

/// `parked-messages list|resend` on a service's store, beside its running relay and the real broker.
@Suite struct ParkedMessagesCommandTests {
    @Test func theCommandListsAParkedMessageAndReSendsItOnceItsQueueExists() async throws {
        let broker = try await BrokerFixture.make("parked-command")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("evn-parked-\(UUID().uuidString)")
        let configuration = try ServiceConfiguration(service: DispatchService.name, environment: [
            "EVN_ENV": "development", "DATA_DIR": folder.path, "AMQP_URL": "amqp://\(broker.url.user):\(broker.url.password)@\(broker.url.host):\(broker.url.port)/\(broker.vhost)",
        ])
        let store = try ServiceStore(configuration: configuration, migrator: DispatchService.migrator(personalData: configuration.personalData))
        let outbox = Outbox(service: "svc")
        let relay = OutboxRelay(broker: broker.settings("dispatch/relay"), store: store.database, outbox: outbox,
                                health: BrokerHealth(), logger: Logger(label: "dispatch"), service: "dispatch", parkAfter: .zero)
        let services = RunningServices([relay])
        let command = OutgoingMessage.command(Envelope(routingKey: "metering.install-meter", correlationId: "PC05TK0001",
                                                       appId: "dispatch", body: Data(#"{"meter":"M-1"}"#.utf8)))
        try await store.database.write { db in try outbox.enqueue(command, in: db) }
        let id = command.envelope.messageId

        let list = try ParkedMessagesCommand<DispatchService>.List.parse([])
        try await eventually("the unroutable command was parked") { try await list.report(configuration).contains(id) }
        let listed = try await list.report(configuration)
        #expect(listed.contains("to evn.commands metering.install-meter"))
        #expect(listed.contains("reason: unroutable: 312 NO_ROUTE"))
        #expect(listed.hasSuffix("1 parked message\n"))

        try await broker.declareQueue("metering.inbox", events: [], commands: ["metering.install-meter"])
        let (report, complete) = try await ParkedMessagesCommand<DispatchService>.Resend.parse([id, "not-an-id"]).resend(configuration)
        #expect(report == "re-sent \(id)\nnot parked: not-an-id\n")
        #expect(!complete, "an id that was not parked makes the command exit 1")
        try await eventually("the running relay published it") { try await broker.queueDepth("metering.inbox") == 1 }
        #expect(try await list.report(configuration) == "no parked messages\n")
        #expect(throws: (any Error).self, "neither ids nor --all") { try ParkedMessagesCommand<DispatchService>.Resend.parse([]) }
        await services.stop()
        await broker.tearDown()
    }
}
