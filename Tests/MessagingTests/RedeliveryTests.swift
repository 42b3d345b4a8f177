import Foundation
@testable import Messaging
import Synchronization
import TestSupport
import Testing

@Suite struct RedeliveryTests {
    @Test func aMessageWhoseAckWasLostIsRedeliveredAndTakesEffectOnce() async throws {
        let broker = try await BrokerFixture.make("redelivery")
        let logs = CapturedLogs()
        var service = try TestService("svc", broker: broker)
        service.logger = logs.logger("svc")
        let calls = Atomic<Int>(0)
        let connectionCut = Atomic<Bool>(false)
        var handlers = MessageHandlers()
        handlers.onEvent("svc.reading.taken") { message, db in
            calls.add(1, ordering: .sequentiallyConsistent)
            try TestService.recordValue(message, db)
            // Hold the transaction open until the broker has dropped this consumer's connection,
            // so the commit lands but the ack cannot: what a crash between the two looks like.
            let deadline = Date().addingTimeInterval(20)
            while !connectionCut.load(ordering: .sequentiallyConsistent) && Date() < deadline {
                Thread.sleep(forTimeInterval: 0.02)
            }
        }
        let services = RunningServices([service.consumer(handlers), service.relay()])
        try await service.waitUntilConsuming()
        let event = try service.event("svc.reading.taken", value: "12345 kWh")
        try service.enqueue([event])

        try await eventually("handler running") { calls.load(ordering: .sequentiallyConsistent) == 1 }
        try broker.closeConnections()
        connectionCut.store(true, ordering: .sequentiallyConsistent)

        // rabbitmqctl and the consumer's reconnect back-off take seconds, more on a loaded machine.
        try await eventually("the redelivery was recognised and acknowledged", timeout: .seconds(45)) {
            logs.contains("message already handled", where: "message_id", is: event.envelope.messageId)
        }
        try await eventually("queue drained") { try await broker.queueDepth("svc.inbox") == 0 }
        #expect(try service.effects() == ["12345 kWh"])
        #expect(calls.load(ordering: .sequentiallyConsistent) == 1)
        await services.stop()
        await broker.tearDown()
    }
}
