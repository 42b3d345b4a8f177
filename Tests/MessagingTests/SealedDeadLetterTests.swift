@testable import Messaging
import Foundation
import PersonalData
import ServiceKit
import Synchronization
import TestSupport
import Testing

/// Dead letters that carry personal data are sealed under the service's personal-data key on
/// the broker, expire after the configured time, and can still be listed and replayed inside it.
@Suite struct SealedDeadLetterTests {
    private static func sealer() throws -> PersonalDataDeadLetterSealer {
        let key = try PersonalDataKey(base64: Data((0..<32).map { UInt8($0) }).base64EncodedString())
        return PersonalDataDeadLetterSealer(protector: PersonalDataProtector(key: key))
    }

    struct RegistryUnavailable: Error {}

    @Test func aDeadLetterIsSealedOnTheBrokerYetListedAndReplayedWithTheKey() async throws {
        let broker = try await BrokerFixture.make("sealed")
        let service = try TestService("svc", broker: broker)
        let sealer = try Self.sealer()
        let fixed = Atomic<Bool>(false)
        var handlers = MessageHandlers()
        handlers.onEvent("svc.household.registered") { message, db in
            if !fixed.load(ordering: .sequentiallyConsistent) { throw RegistryUnavailable() }
            try TestService.recordValue(message, db)
        }
        let services = RunningServices([service.consumer(handlers, deadLetters: DeadLetterPolicy(sealer: sealer)), service.relay()])
        try await service.waitUntilConsuming()
        let identity = "079203001234 Nguyễn Thị Lan, mã ký 483920"
        let event = try service.event("svc.household.registered", value: identity)
        try service.enqueue([event])

        try await eventually("the message reached svc.dead") { try await broker.queueDepth("svc.dead") == 1 }
        let raw = try #require(try await broker.peek("svc.dead").first)
        let payload = try #require(raw["payload"] as? String)
        #expect(!payload.contains("079203001234"), "the ID number is not readable on the broker")
        #expect(!payload.contains("483920"), "nor the signing code")
        let properties = try #require(raw["properties"] as? [String: Any])
        #expect(properties["expiration"] as? String == "604800000", "dropped by the broker after 7 days")

        let queue = DeadLetterQueue(broker: broker.settings("svc/admin"), service: "svc", sealer: sealer)
        let letter = try #require(try await queue.list().first)
        #expect(!letter.isSealed)
        #expect(try JSONDecoder().decode([String: String].self, from: letter.body) == ["value": identity])
        let expiresAt = try #require(letter.expiresAt)
        #expect(abs(expiresAt.timeIntervalSinceNow - 7 * 86_400) < 120)

        let keyless = DeadLetterQueue(broker: broker.settings("svc/admin"), service: "svc")
        await #expect(throws: DeadLetterError.sealed(messageId: event.envelope.messageId)) {
            try await keyless.replay(messageIds: [event.envelope.messageId])
        }
        fixed.store(true, ordering: .sequentiallyConsistent)
        #expect(try await queue.replay(messageIds: [event.envelope.messageId]) == [event.envelope.messageId])
        try await eventually("the replayed message was handled with its original body") { try service.effects() == [identity] }
        await services.stop()
        await broker.tearDown()
    }

    @Test func aDeadLetterExpiresAfterTheConfiguredTime() async throws {
        let broker = try await BrokerFixture.make("expiring")
        let service = try TestService("svc", broker: broker)
        var handlers = MessageHandlers()
        handlers.onEvent("svc.household.registered") { _, _ in throw MessageHandlingError.permanent("refused") }
        let policy = DeadLetterPolicy(sealer: try Self.sealer(), retention: .seconds(4))
        let services = RunningServices([service.consumer(handlers, deadLetters: policy), service.relay()])
        try await service.waitUntilConsuming()
        try service.enqueue([try service.event("svc.household.registered", value: "079203001234")])

        let queue = DeadLetterQueue(broker: broker.settings("svc/admin"), service: "svc", sealer: try Self.sealer())
        try await eventually("the dead letter is there, inside its window") { try await queue.list().count == 1 }
        // The window is 4 s; the rest of the wait is for the management API's count, which lags
        // behind the queue by its statistics interval.
        try await eventually("the broker dropped it once the window passed", timeout: .seconds(45)) {
            let depth = try await broker.queueDepth("svc.dead")
            return try await queue.list().isEmpty && depth == 0
        }
        await services.stop()
        await broker.tearDown()
    }

    /// A message the service keeps dying on would reach the broker's delivery limit and be filed
    /// by the broker, unsealed and without expiry; the consumer files it first, sealed.
    @Test func aMessageDeliveredOverAndOverIsFiledSealedByTheConsumerBeforeTheBrokerDoes() async throws {
        let broker = try await BrokerFixture.make("crashloop")
        let service = try TestService("svc", broker: broker)
        let handled = Atomic<Int>(0)
        var handlers = MessageHandlers()
        handlers.onEvent("svc.household.registered") { message, db in
            handled.add(1, ordering: .sequentiallyConsistent)
            try TestService.recordValue(message, db)
        }
        let declaring = RunningServices([service.consumer(handlers)])
        try await service.waitUntilConsuming()
        await declaring.stop()

        // Each delivery taken and handed back stands for a service that died while handling it.
        let raw = try AMQPConnection(url: broker.url, name: "raw", heartbeatSeconds: 0)
        try raw.publish(exchange: Exchange.events, routingKey: "svc.household.registered",
                        message: AMQPMessage(try service.event("svc.household.registered", value: "079203001234").envelope))
        var counts: [Int?] = []
        for _ in 0..<RetryPolicy().redeliveryLimit {
            var taken: AMQPDelivery?
            try await eventually("the message is in svc.inbox") {
                taken = try raw.get(queue: "svc.inbox")
                return taken != nil
            }
            let delivery = try #require(taken)
            counts.append(delivery.previousDeliveries)
            try raw.reject(delivery.deliveryTag, requeue: true)
        }
        raw.close()
        #expect(counts.last == 9, "the broker counts the deliveries: \(counts)")

        let services = RunningServices([service.consumer(handlers, retry: RetryPolicy(),
                                                         deadLetters: DeadLetterPolicy(sealer: try Self.sealer())),
                                        service.relay()])
        try await eventually("the message reached svc.dead") { try await broker.queueDepth("svc.dead") == 1 }
        let stored = try #require(try await broker.peek("svc.dead").first)
        #expect((stored["payload"] as? String)?.contains("079203001234") == false, "sealed on the broker")
        let letter = try #require(try await DeadLetterQueue(broker: broker.settings("svc/admin"), service: "svc",
                                                            sealer: try Self.sealer()).list().first)
        #expect(letter.reason.contains("delivered 11 times without an acknowledgement"), "\(letter.reason)")
        #expect(letter.expiresAt != nil)
        #expect(handled.load(ordering: .sequentiallyConsistent) == 0, "not handled an eleventh time")
        await services.stop()
        await broker.tearDown()
    }
}
