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
        try await eventually("the broker dropped it once the window passed") {
            let depth = try await broker.queueDepth("svc.dead")
            return try await queue.list().isEmpty && depth == 0
        }
        await services.stop()
        await broker.tearDown()
    }
}
