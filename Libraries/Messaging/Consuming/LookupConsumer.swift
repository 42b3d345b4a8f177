import Foundation
import GRDB
import Logging
import ServiceLifecycle

/// Answers a service's look-ups (`MessageHandlers.onQuery`) from their own queue,
/// `<service>.lookups`, on a connection of its own.
///
/// Look-ups never wait behind the inbox: a customer tracking a request gets an answer while
/// the service works through a backlog of events, or while another writer holds its store
/// (answers are read from a snapshot, which no writer blocks). Each answer goes to the
/// request's `reply_to` with the request's `correlation_id`; a look-up that fails is answered
/// with the reason in the `x-error` header. A look-up needs no durability — its caller asks
/// again — so nothing is retried or dead-lettered: a body that is no envelope, or a key this
/// service does not answer, is acknowledged and logged. The deliveries at hand are answered,
/// then acknowledged together.
public struct LookupConsumer: Service {
    let service: String
    let broker: BrokerSettings
    let topology: ServiceTopology
    let store: any DatabaseReader
    let handlers: MessageHandlers
    let health: BrokerHealth
    let prefetch: Int
    let logger: Logger
    let metrics: MessagingMetrics

    public init(service: String, broker: BrokerSettings, store: any DatabaseReader, handlers: MessageHandlers,
                health: BrokerHealth, logger: Logger, prefetch: Int = 50) {
        self.service = service
        self.broker = broker
        self.topology = ServiceTopology(service: service, bindings: [], lookups: handlers.lookupBindings)
        self.store = store
        self.handlers = handlers
        self.health = health
        self.prefetch = prefetch
        self.logger = logger
        self.metrics = MessagingMetrics(service: service)
    }

    public func run() async throws {
        let stop = ThreadSignal(autoReset: false)
        try await ConnectionSupervisor(broker: broker, stop: stop, health: health, logger: logger)
            .consume(topology.lookupQueue, prefetch: prefetch, declare: topology.declareLookups(on:)) { connection in
                try session(on: connection, stop: stop)
            }
    }

    /// Answers the deliveries at hand, then acknowledges them together, until stopped.
    private func session(on connection: AMQPConnection, stop: ThreadSignal) throws {
        while !stop.isRaised {
            guard let first = try connection.nextDelivery(timeout: broker.idleSlice) else { continue }
            var last = first.deliveryTag
            try answer(first, on: connection)
            while let next = try connection.nextDelivery(timeout: .zero) {
                last = next.deliveryTag
                try answer(next, on: connection)
            }
            try connection.ack(last, multiple: true)
        }
    }

    private func answer(_ delivery: AMQPDelivery, on connection: AMQPConnection) throws {
        let request: Envelope
        do {
            request = try Envelope(message: delivery.message)
        } catch {
            logger.warning("look-up dropped: not an envelope", metadata: ["error": "\(error)"])
            return
        }
        let message = IncomingMessage(envelope: request, exchange: delivery.exchange, routingKey: delivery.routingKey,
                                      redelivered: delivery.redelivered)
        guard let handler = handlers.query(for: request.routingKey) else {
            logger.about(request).warning("look-up dropped: this service does not answer it")
            return
        }
        var headers: [String: AMQPFieldValue] = [:]
        let body: Data
        do {
            let lookup: MessageHandlers.Lookup
            do {
                lookup = try handler(message)
            } catch where handlers.isSharded {
                // A query whose body names no owner key belongs to no shard.
                if logger.logLevel <= .debug {
                    logger.about(request).debug("a look-up no shard owns; acknowledged, not answered",
                                                metadata: ["error": "\(error)"])
                }
                return
            }
            guard handlers.owns(lookup) else {
                if logger.logLevel <= .debug { logger.about(request).debug("another shard's look-up; acknowledged, not answered") }
                return
            }
            body = try connection.away { try store.read { db in try lookup.answer(db) } }
        } catch {
            logger.about(request).warning("look-up failed", metadata: ["error": "\(error)"])
            headers[RPCClient.errorHeader] = .string("\(error)")
            body = Data()
        }
        metrics.consumed.increment()
        guard let replyTo = request.replyTo else { return }
        let reply = Envelope(
            routingKey: "\(request.routingKey).reply", correlationId: request.correlationId,
            causationId: request.messageId, traceparent: request.traceparent, appId: service, body: body
        )
        try connection.publish(exchange: "", routingKey: replyTo, message: AMQPMessage(reply, headers: headers))
    }
}
