import Foundation

/// The operator's view of a service's dead-letter queue: list what is there,
/// and replay chosen messages into the service's inbox once the cause is fixed.
///
/// Replay goes to `<service>.inbox` through the default exchange, not back
/// through the original exchange, so other services that consumed the same
/// event the first time do not get it twice. The message keeps its id; its
/// failed handling left no inbox row, so the service handles it as new. A
/// sealed body is opened for it, and it no longer expires.
public struct DeadLetterQueue: Sendable {
    let broker: BrokerSettings
    let topology: ServiceTopology
    let sealer: (any DeadLetterSealer)?

    /// - Parameter sealer: opens the bodies the service sealed; the service's own.
    public init(broker: BrokerSettings, service: String, sealer: (any DeadLetterSealer)? = nil) {
        self.broker = broker
        self.topology = ServiceTopology(service: service, bindings: [])
        self.sealer = sealer
    }

    /// Up to `limit` dead letters, oldest first; the queue is left as it was.
    public func list(limit: Int = 1000) async throws -> [DeadLetter] {
        try await DedicatedThread.run(name: "\(broker.connectionName)/dead-letters") {
            let connection = try broker.connect()
            defer { connection.close() }
            try connection.declareQueue(topology.deadLetterQueue)
            var letters: [DeadLetter] = []
            // Fetched messages stay unacknowledged: closing the connection puts them all back in order.
            while letters.count < limit, let delivery = try connection.get(queue: topology.deadLetterQueue) {
                letters.append(DeadLetter(delivery.message, sealer: sealer))
            }
            return letters
        }
    }

    /// Moves the dead letters with these message ids back to the service's
    /// inbox; returns the ids it replayed (others were not in the queue).
    public func replay(messageIds: Set<String>) async throws -> [String] {
        try await DedicatedThread.run(name: "\(broker.connectionName)/dead-letters") {
            let connection = try broker.connect()
            defer { connection.close() }
            try connection.declareQueue(topology.deadLetterQueue)
            try connection.enableConfirms()
            var replayed: [String] = []
            var seen = 0
            let total = try connection.declareQueue(topology.deadLetterQueue)
            while seen < total, let delivery = try connection.get(queue: topology.deadLetterQueue) {
                seen += 1
                guard let id = delivery.message.messageId, messageIds.contains(id) else { continue }
                var message = delivery.message
                if message.headers[Header.deadSealed] == .bool(true) {
                    guard let sealer else { throw DeadLetterError.sealed(messageId: id) }
                    do { message.body = try sealer.open(message.body) } catch { throw DeadLetterError.sealed(messageId: id) }
                }
                for header in message.headers.keys where header.hasPrefix("x-") {
                    message.headers[header] = nil
                }
                message.expiration = nil
                let sequence = try connection.publish(exchange: "", routingKey: topology.inboxQueue, mandatory: true, message: message)
                let outcome = try connection.settle(upTo: sequence, timeout: .seconds(10))[sequence]
                guard outcome == .confirmed else {
                    throw AMQPError.unroutable(messageId: id, text: "replay to \(topology.inboxQueue) was not accepted")
                }
                try connection.ack(delivery.deliveryTag)
                replayed.append(id)
            }
            return replayed
        }
    }
}
