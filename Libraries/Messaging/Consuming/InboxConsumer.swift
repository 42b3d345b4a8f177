import Foundation
import GRDB
import Logging
import ServiceLifecycle

/// Consumes a service's inbox queue: one message at a time, acknowledged only
/// after the handler's transaction committed.
///
/// - Each message id is claimed in the inbox table inside the handler's
///   transaction, so a redelivery changes nothing twice.
/// - A handler that throws is retried with back-off; after `retry.maxAttempts`
///   (or at once for a permanent error, or a body that is no envelope) the
///   message is written to the outbox addressed to `<service>.dead` with the
///   reason in its headers, and acknowledged: the messages behind it go on.
/// - Look-ups (`onQuery`) are answered on the same connection to the
///   request's `reply_to`, with the request's `correlation_id`.
/// - The connection recovers by itself: after a broker restart the topology is
///   declared again and consuming resumes; unacked messages come back.
public struct InboxConsumer: Service {
    let service: String
    let broker: BrokerSettings
    let topology: ServiceTopology
    let store: any DatabaseWriter
    let outbox: Outbox
    let handlers: MessageHandlers
    let health: BrokerHealth
    let prefetch: Int
    let retry: RetryPolicy
    let inboxRetention: Duration
    let logger: Logger
    let metrics: MessagingMetrics

    public init(
        service: String, broker: BrokerSettings, store: any DatabaseWriter, outbox: Outbox, handlers: MessageHandlers,
        health: BrokerHealth, logger: Logger, prefetch: Int = 200, retry: RetryPolicy = RetryPolicy(),
        inboxRetention: Duration = .seconds(14 * 86_400)
    ) {
        self.service = service
        self.broker = broker
        self.topology = ServiceTopology(service: service, bindings: handlers.bindings)
        self.store = store
        self.outbox = outbox
        self.handlers = handlers
        self.health = health
        self.prefetch = prefetch
        self.retry = retry
        self.inboxRetention = inboxRetention
        self.logger = logger
        self.metrics = MessagingMetrics(service: service)
    }

    public func run() async throws {
        let stop = ThreadSignal(autoReset: false)
        try await withGracefulShutdownHandler {
            try await withTaskCancellationHandler {
                try await DedicatedThread.run(name: broker.connectionName) {
                    ConnectionSupervisor(broker: broker, stop: stop, health: health, logger: logger).run { connection in
                        try topology.declare(on: connection)
                        try connection.setPrefetch(prefetch)
                        try connection.consume(queue: topology.inboxQueue)
                    } session: { connection in
                        try session(on: connection, stop: stop)
                    }
                }
            } onCancel: {
                stop.raise()
            }
        } onGracefulShutdown: {
            stop.raise()
        }
    }

    private func session(on connection: AMQPConnection, stop: ThreadSignal) throws {
        var handledSincePrune = 0
        while !stop.isRaised {
            guard let delivery = try connection.nextDelivery(timeout: broker.idleSlice) else { continue }
            try process(delivery, on: connection, stop: stop)
            handledSincePrune += 1
            if handledSincePrune >= 10_000 {
                handledSincePrune = 0
                let cutoff = Date().addingTimeInterval(-inboxRetention.seconds)
                try store.write { db in try Inbox.prune(handledBefore: cutoff, in: db) }
            }
        }
    }

    private func process(_ delivery: AMQPDelivery, on connection: AMQPConnection, stop: ThreadSignal) throws {
        let envelope: Envelope
        do {
            envelope = try Envelope(message: delivery.message)
        } catch {
            return try deadLetter(delivery, reason: "not an envelope: \(error)", attempts: 1, on: connection, logger: logger)
        }
        var logger = self.logger
        logger[metadataKey: "message_id"] = "\(envelope.messageId)"
        logger[metadataKey: "message_type"] = "\(envelope.type)"
        if let correlation = envelope.correlationId { logger[metadataKey: "correlation_id"] = "\(correlation)" }
        guard let route = handlers.route(for: envelope.routingKey) else {
            return try deadLetter(delivery, reason: "no handler for \(envelope.type)", attempts: 1, on: connection, logger: logger)
        }
        let message = IncomingMessage(envelope: envelope, exchange: delivery.exchange, routingKey: delivery.routingKey,
                                      redelivered: delivery.redelivered)
        switch route {
        case let .change(handler):
            try change(message, delivery, handler, on: connection, stop: stop, logger: logger)
        case let .query(handler):
            try answer(message, delivery, handler, on: connection, logger: logger)
        }
    }

    private func change(_ message: IncomingMessage, _ delivery: AMQPDelivery, _ handler: MessageHandlers.Handler,
                        on connection: AMQPConnection, stop: ThreadSignal, logger: Logger) throws {
        var attempt = 1
        while true {
            let started = DispatchTime.now()
            do {
                let firstTime = try store.write { db in
                    guard try Inbox.claim(message.envelope, in: db) else { return false }
                    try handler(message, db)
                    return true
                }
                metrics.handlerDuration.recordInterval(since: started)
                try connection.ack(delivery.deliveryTag)
                if firstTime {
                    metrics.consumed.increment()
                    logger.debug("message handled")
                } else {
                    metrics.duplicates.increment()
                    logger.info("message already handled; acknowledged again")
                }
                return
            } catch let error as AMQPError where error.closesConnection {
                throw error
            } catch {
                metrics.failed.increment()
                let permanent = error is MessageHandlingError
                if permanent || attempt >= retry.maxAttempts {
                    return try deadLetter(delivery, reason: "\(error)", attempts: attempt, on: connection, logger: logger)
                }
                logger.warning("handler failed; will retry", metadata: ["attempt": "\(attempt)", "error": "\(error)"])
                if stop.wait(timeout: retry.backoff.delay(attempt: attempt)) {
                    try connection.reject(delivery.deliveryTag, requeue: true)
                    return
                }
                attempt += 1
            }
        }
    }

    private func answer(_ message: IncomingMessage, _ delivery: AMQPDelivery, _ handler: MessageHandlers.QueryHandler,
                        on connection: AMQPConnection, logger: Logger) throws {
        let request = message.envelope
        var headers: [String: AMQPFieldValue] = [:]
        let body: Data
        do {
            body = try store.read { db in try handler(message, db) }
        } catch {
            logger.warning("look-up failed", metadata: ["error": "\(error)"])
            headers[RPCClient.errorHeader] = .string("\(error)")
            body = Data()
        }
        if let replyTo = request.replyTo {
            let reply = Envelope(
                routingKey: "\(request.routingKey).reply", correlationId: request.correlationId,
                causationId: request.messageId, traceparent: request.traceparent, appId: service, body: body
            )
            try connection.publish(exchange: "", routingKey: replyTo, message: AMQPMessage(reply, headers: headers))
        }
        try connection.ack(delivery.deliveryTag)
        metrics.consumed.increment()
    }

    private func deadLetter(_ delivery: AMQPDelivery, reason: String, attempts: Int, on connection: AMQPConnection,
                            logger: Logger) throws {
        let dead = DeadLetter.outgoing(for: delivery, service: service, reason: reason, attempts: attempts)
        try store.write { db in try outbox.enqueue(dead, in: db) }
        try connection.ack(delivery.deliveryTag)
        metrics.deadLettered.increment()
        logger.error("message dead-lettered", metadata: ["reason": "\(reason)", "attempts": "\(attempts)",
                                                         "queue": "\(topology.deadLetterQueue)"])
    }
}
