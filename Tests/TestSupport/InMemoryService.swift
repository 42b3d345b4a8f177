import Contracts
import Foundation
import GRDB
import Logging
import Messaging
import Prometheus
import ServiceKit

/// One service built in-process on a fresh store, with no broker in between: its handlers take
/// a message the way its consumer hands them one, and what they send waits in its outbox, to be
/// read there. A service's domain tests run on it in
/// seconds; what touches the broker itself stays with the broker-backed suites.
public struct InMemoryService<Definition: ServiceDefinition>: Sendable {
    public let host: ServiceHost<Definition>

    /// The service with its development settings and a fresh store in a temporary folder, reading
    /// the time of day from `clock` (a test's ``ManualClock`` moves it).
    public init(clock: WallClock = .system) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("in-memory-\(UUID().uuidString)")
        let configuration = try ServiceConfiguration(service: Definition.name,
                                                     environment: ["DATA_DIR": folder.path, "EVN_ENV": "development"])
        host = try ServiceHost<Definition>(configuration: configuration, logger: Logger(label: "in-memory"),
                                           metrics: PrometheusCollectorRegistry(), clock: clock)
    }

    /// Hands `message` to the service's handler for it as its consumer would: claimed in the
    /// inbox and handled in one transaction, so a message delivered twice is handled once.
    public func deliver<Message: MessageContract>(_ message: Message, correlationId: String = UUID().uuidString,
                                                  messageId: String = UUID().uuidString) async throws {
        let envelope = Envelope(messageId: messageId, routingKey: Message.routingKey, version: Message.version,
                                correlationId: correlationId, appId: "test", body: try Envelope.encode(message))
        try await deliver(envelope, exchange: Message.kind == .command ? Exchange.commands : Exchange.events)
    }

    /// Every `Message` the service's handlers and routes have put in its outbox, oldest first.
    public func sent<Message: MessageContract>(_ type: Message.Type) async throws -> [Message] {
        try await outbox().filter { $0.envelope.routingKey == Message.routingKey }.map {
            try $0.envelope.decode(Message.self)
        }
    }

    private func deliver(_ envelope: Envelope, exchange: String) async throws {
        let (handlers, outbox) = (host.definition.handlers, host.context.outbox)
        let delivery = try await host.context.store.database.write { db in
            try handlers.deliverInProcess(envelope, exchange: exchange, outbox: outbox, in: db)
        }
        if delivery == .noHandler {
            throw InMemoryServiceError.noHandler(service: Definition.name, routingKey: envelope.routingKey)
        }
    }

    private func outbox() async throws -> [OutgoingMessage] {
        let outbox = host.context.outbox
        return try await host.context.store.database.read { db in
            try outbox.pending(in: db, limit: 100_000).map(\.message)
        }
    }
}

/// A message an in-process service cannot take.
public enum InMemoryServiceError: Error, CustomStringConvertible {
    case noHandler(service: String, routingKey: String)

    public var description: String {
        switch self {
        case .noHandler(let service, let routingKey): "\(service) has no handler for \(routingKey)"
        }
    }
}
