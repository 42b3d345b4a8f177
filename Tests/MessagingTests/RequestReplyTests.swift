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
        let services = RunningServices([owner.lookups(handlers), client])
        try await owner.waitUntilAnswering()

        let reply = try await client.request("crm.timeline", body: try Envelope.encode(["code": "R-1"]))
        let answer = try JSONDecoder().decode([String: String].self, from: reply)
        #expect(answer == ["code": "R-1", "steps": "ticket opened"])
        await services.stop()
        await broker.tearDown()
    }

    /// A backlog of events waits in crm's inbox, which crm cannot work through while another
    /// writer holds its store: a customer's look-up is answered at once all the same, from
    /// crm's look-up queue, and never lands in the inbox an older release bound it to.
    @Test func aLookUpIsAnsweredAtOnceBehindABacklogOfEvents() async throws {
        let broker = try await BrokerFixture.make("rpc-backlog")
        let owner = try TestService("crm", broker: broker, busyTimeout: 5)
        let producer = try TestService("src", broker: broker)
        var handlers = MessageHandlers()
        handlers.onEvent("src.meter.read", TestService.recordValue)
        handlers.onQuery("crm.timeline") { _, db in
            try Envelope.encode(["handled": try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM effects") ?? -1])
        }
        let olderRelease = try AMQPConnection(url: broker.url, name: "older release", heartbeatSeconds: 0)
        try ServiceTopology(service: "crm", bindings: [Binding(exchange: Exchange.commands, routingKey: "crm.timeline")])
            .declare(on: olderRelease)
        olderRelease.close()
        let callerHealth = BrokerHealth()
        let client = RPCClient(broker: broker.settings("intake/rpc"), appId: "intake", health: callerHealth, logger: owner.logger)
        let services = RunningServices([owner.consumer(handlers), owner.lookups(handlers), producer.relay(), client])
        try await owner.waitUntilConsuming()
        try await owner.waitUntilAnswering()
        // The answer time below is the look-up's, not the caller's first connection on a busy broker.
        try await eventually("the caller is connected", timeout: .seconds(30)) { callerHealth.isReady }
        #expect(try await broker.bindingKeys(of: "crm.inbox", from: Exchange.commands).isEmpty)

        let lock = try WriteLock(path: owner.store.path)
        let backlog = 2_000
        try producer.enqueue(try (1...backlog).map { try producer.event("src.meter.read", value: "reading \($0)") })
        try await eventually("the backlog waits in crm's inbox", timeout: .seconds(30)) {
            try await broker.queueDepth("crm.inbox") == backlog
        }
        let asked = ContinuousClock.now
        let reply = try await client.request("crm.timeline", body: Data("{}".utf8), timeout: .seconds(3))
        let waited = ContinuousClock.now - asked
        #expect(try JSONDecoder().decode([String: Int].self, from: reply) == ["handled": 0])
        // Well inside the 3 s the caller waits, on a loaded machine too; a look-up that landed in
        // the blocked inbox would not be answered at all.
        #expect(waited < .milliseconds(2_500), "answered in \(waited)")
        #expect(try await broker.queueDepth("crm.inbox") == backlog, "the look-up did not land in the inbox")

        lock.release()
        try await eventually("crm worked through the backlog", timeout: .seconds(60)) {
            try owner.effects().count == backlog
        }
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
        try await eventually("the caller is connected", timeout: .seconds(30)) { health.isReady }

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
        let health = BrokerHealth()
        let client = RPCClient(broker: broker.settings("intake/rpc"), appId: "intake", health: health, logger: .init(label: "t"))
        let services = RunningServices([client])
        try await eventually("the caller is connected", timeout: .seconds(30)) { health.isReady }
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
        let services = RunningServices([owner.lookups(handlers), client])
        try await owner.waitUntilAnswering()
        await #expect(throws: RPCError.remote("unknown request code")) {
            try await client.request("crm.timeline", body: Data("{}".utf8))
        }
        await services.stop()
        await broker.tearDown()
    }
}
