@testable import Messaging
import Foundation
import TestSupport
import Testing

@Suite struct RequestReplyTests {
    @Test func aLookUpIsAnsweredFromTheOwningServicesStore() async throws {
        let broker = try await BrokerFixture.make("rpc")
        let owner = try TestService("crm", broker: broker)
        try await owner.store.pool.write { db in
            try db.execute(sql: "INSERT INTO effects (message_id, value) VALUES ('m', 'ticket opened')")
        }
        var handlers = MessageHandlers()
        handlers.onQuery("crm.timeline") { message, db in
            let code = try message.decode([String: String].self)["code"] ?? ""
            let steps = try String.fetchAll(db, sql: "SELECT value FROM effects")
            return try Envelope.encode(["code": code, "steps": steps.joined(separator: ",")])
        }
        let client = RPCClient(broker: broker.settings("intake/rpc"), appId: "intake", health: owner.health, logger: owner.logger)
        let services = RunningServices([owner.consumer(handlers), client])
        try await owner.waitUntilConsuming()

        let reply = try await client.request("crm.timeline", body: try Envelope.encode(["code": "R-1"]))
        let answer = try JSONDecoder().decode([String: String].self, from: reply)
        #expect(answer == ["code": "R-1", "steps": "ticket opened"])
        await services.stop()
        await broker.tearDown()
    }

    @Test func aLookUpNobodyAnswersTimesOutCleanly() async throws {
        let broker = try await BrokerFixture.make("rpc-timeout")
        let declare = try AMQPConnection(url: broker.url, name: "declare", heartbeatSeconds: 0)
        try Exchange.declareAll(on: declare)
        try declare.declareQueue("sleeping.inbox")
        try declare.bindQueue("sleeping.inbox", exchange: Exchange.commands, routingKey: "sleeping.lookup")
        declare.close()
        let health = BrokerHealth()
        let client = RPCClient(broker: broker.settings("intake/rpc"), appId: "intake", health: health, logger: .init(label: "t"))
        let services = RunningServices([client])

        let started = ContinuousClock.now
        await #expect(throws: RPCError.timeout(routingKey: "sleeping.lookup")) {
            try await client.request("sleeping.lookup", body: Data("{}".utf8), timeout: .milliseconds(500))
        }
        #expect(ContinuousClock.now - started < .seconds(3))
        await services.stop()
        await broker.tearDown()
    }

    @Test func aLookUpNoServiceConsumesFailsAtOnce() async throws {
        let broker = try await BrokerFixture.make("rpc-none")
        let client = RPCClient(broker: broker.settings("intake/rpc"), appId: "intake", health: BrokerHealth(), logger: .init(label: "t"))
        let services = RunningServices([client])
        let started = ContinuousClock.now
        await #expect(throws: RPCError.noResponder(routingKey: "nobody.lookup")) {
            try await client.request("nobody.lookup", body: Data("{}".utf8), timeout: .seconds(10))
        }
        #expect(ContinuousClock.now - started < .seconds(5))
        await services.stop()
        await broker.tearDown()
    }

    @Test func aFailingLookUpReportsTheRemoteReason() async throws {
        let broker = try await BrokerFixture.make("rpc-fail")
        let owner = try TestService("crm", broker: broker)
        var handlers = MessageHandlers()
        handlers.onQuery("crm.timeline") { _, _ in throw MessageHandlingError.permanent("unknown request code") }
        let client = RPCClient(broker: broker.settings("intake/rpc"), appId: "intake", health: BrokerHealth(), logger: owner.logger)
        let services = RunningServices([owner.consumer(handlers), client])
        try await owner.waitUntilConsuming()
        await #expect(throws: RPCError.remote("unknown request code")) {
            try await client.request("crm.timeline", body: Data("{}".utf8))
        }
        await services.stop()
        await broker.tearDown()
    }
}
