import Logging
import Messaging
import ServiceKit
import TestSupport
import Testing

@Suite struct BrokerReadinessCheckTests {
    @Test func readyOnceTheServicesConnectionIsSetUp() async throws {
        let broker = try await BrokerFixture.make("ready")
        let store = try TemporaryStore()
        let health = BrokerHealth()
        let check = BrokerReadinessCheck(health: health)
        #expect(await check.check() == false, "nothing connected yet")
        let relay = OutboxRelay(broker: broker.settings("svc/relay"), store: store.pool, outbox: Outbox(service: "svc"), health: health,
                                logger: Logger(label: "t"), service: "svc")
        let services = RunningServices([relay])
        try await eventually("ready") { await check.check() }
        await services.stop()
        #expect(await check.check() == false, "a stopped relay is not ready")
        await broker.tearDown()
    }

    @Test func notReadyWhileTheBrokerCannotBeReached() async throws {
        let store = try TemporaryStore()
        let health = BrokerHealth()
        let settings = BrokerSettings(url: AMQPURL(host: "127.0.0.1", port: 1), connectionName: "svc/relay")
        let relay = OutboxRelay(broker: settings, store: store.pool, outbox: Outbox(service: "svc"), health: health,
                                logger: Logger(label: "t"), service: "svc")
        let services = RunningServices([relay])
        try await eventually("the relay registered its connection") { health.snapshot["svc/relay"] == false }
        #expect(await BrokerReadinessCheck(health: health).check() == false)
        await services.stop()
    }
}
