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
/// - A message the broker redelivered `retry.redeliveryLimit` times (the process died while
///   handling it) is dead-lettered the same way before it is handled again, so the broker's
///   own delivery limit, which would file it unsealed, is never reached.
/// - A store that cannot take writes (locked by another writer, full, failing) is no
///   handler failure: the consumer holds the deliveries in hand unacknowledged, takes no
///   more (the broker stops at the prefetch), keeps its heartbeats, and tries the store again
///   with back-off; no attempt is counted and nothing is dead-lettered.
/// - Look-ups (`onQuery`) are not its job: ``LookupConsumer`` answers them from their own
///   queue. One left in the inbox by an older release is acknowledged unanswered.
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
    let deadLetters: DeadLetterPolicy
    let logger: Logger
    let metrics: MessagingMetrics

    public init(
        service: String, broker: BrokerSettings, store: any DatabaseWriter, outbox: Outbox, handlers: MessageHandlers,
        health: BrokerHealth, logger: Logger, prefetch: Int = 200, retry: RetryPolicy = RetryPolicy(),
        inboxRetention: Duration = .seconds(14 * 86_400), deadLetters: DeadLetterPolicy = DeadLetterPolicy()
    ) {
        self.deadLetters = deadLetters
        self.service = service
        self.broker = broker
        self.topology = ServiceTopology(service: service, bindings: handlers.bindings, lookups: handlers.lookupBindings)
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
        try await ConnectionSupervisor(broker: broker, stop: stop, health: health, logger: logger)
            .consume(topology.inboxQueue, prefetch: prefetch, declare: topology.declare(on:)) { connection in
                try session(on: connection, stop: stop)
            }
    }

    private func session(on connection: AMQPConnection, stop: ThreadSignal) throws {
        var handledSincePrune = 0
        let held = HeldDeliveries()
        while !stop.isRaised {
            var batch = held.takeAll()
            if batch.isEmpty {
                guard let first = try connection.nextDelivery(timeout: broker.idleSlice) else { continue }
                batch = [first]
            }
            while batch.count < prefetch, let next = try connection.nextDelivery(timeout: .zero) {
                batch.append(next)
            }
            do {
                try process(batch, on: connection, stop: stop, held: held)
            } catch is StoppedWhileWaiting {
                // The deliveries in hand were never acknowledged: the broker gives them to the next consumer.
                return
            }
            handledSincePrune += batch.count
            if handledSincePrune >= 10_000 {
                handledSincePrune = 0
                let cutoff = outbox.clock.preciseNow().addingTimeInterval(-inboxRetention.seconds)
                try connection.away { try store.write { db in try Inbox.prune(handledBefore: cutoff, in: db) } }
            }
        }
    }

    /// The handler of a message acknowledged without being handled: claimed in the inbox only.
    private static let skip: MessageHandlers.Handler = { _ in }

    /// A delivery ready for a state-changing handler.
    private struct Change {
        var delivery: AMQPDelivery
        var message: IncomingMessage
        var handler: MessageHandlers.Handler
    }

    /// Handles deliveries in the order they came. Consecutive state changes
    /// share one SQLite transaction (each in its own savepoint) and one
    /// multiple-ack: a commit per message would cap a service at a few
    /// thousand messages a second on an ordinary disk.
    private func process(_ batch: [AMQPDelivery], on connection: AMQPConnection, stop: ThreadSignal,
                         held: HeldDeliveries) throws {
        var run: [Change] = []
        for delivery in batch {
            if let previous = delivery.previousDeliveries, previous >= retry.redeliveryLimit {
                try commit(&run, on: connection, stop: stop, held: held)
                try deadLetter(delivery, reason: "delivered \(previous + 1) times without an acknowledgement: "
                                   + "the service may stop while handling it", attempts: previous + 1,
                               on: connection, logger: logger)
                continue
            }
            let envelope: Envelope
            do {
                envelope = try Envelope(message: delivery.message)
            } catch {
                try commit(&run, on: connection, stop: stop, held: held)
                try deadLetter(delivery, reason: "not an envelope: \(error)", attempts: 1, on: connection, logger: logger)
                continue
            }
            let message = IncomingMessage(envelope: envelope, exchange: delivery.exchange, routingKey: delivery.routingKey,
                                          redelivered: delivery.redelivered)
            if let handler = handlers.change(for: envelope.routingKey) {
                let owned = handlers.owns(message)
                if !owned {
                    metrics.notOwned.increment()
                    if logger.logLevel <= .debug {
                        logger.about(envelope).debug("another shard's message; acknowledged, not handled")
                    }
                }
                run.append(Change(delivery: delivery, message: message, handler: owned ? handler : Self.skip))
            } else if handlers.query(for: envelope.routingKey) != nil {
                logger.about(envelope).info("a look-up left in the inbox; acknowledged unanswered, its caller has asked again")
                run.append(Change(delivery: delivery, message: message, handler: Self.skip))
            } else {
                try commit(&run, on: connection, stop: stop, held: held)
                try deadLetter(delivery, reason: "no handler for \(envelope.type)", attempts: 1, on: connection,
                               logger: logger.about(envelope))
            }
        }
        try commit(&run, on: connection, stop: stop, held: held)
    }

    /// Commits a run of state changes: as many as succeed in one transaction;
    /// the first that fails is then retried on its own before the rest go on,
    /// so that messages keep their order.
    private func commit(_ run: inout [Change], on connection: AMQPConnection, stop: ThreadSignal,
                        held: HeldDeliveries) throws {
        var pending = run[...]
        run.removeAll()
        var storeWaits = 0
        while !pending.isEmpty {
            let started = DispatchTime.now()
            var outcomes: [Bool] = []
            var failure: (any Error)?
            do {
                (outcomes, failure) = try connection.away {
                    try store.write { db in
                        var firstTimes: [Bool] = []
                        for change in pending {
                            let firstTime: Bool
                            do {
                                firstTime = try CachedSavepoint.run(in: db) {
                                    try Inbox.handleOnce(change.message, by: change.handler, outbox: outbox, in: db)
                                }
                            } catch {
                                return (firstTimes, error)
                            }
                            firstTimes.append(firstTime)
                        }
                        return (firstTimes, nil)
                    }
                }
            } catch {
                (outcomes, failure) = ([], error)
            }
            if let last = pending.prefix(outcomes.count).last {
                try connection.ack(last.delivery.deliveryTag, multiple: true)
                metrics.handlerDuration.recordInterval(since: started)
                for (change, firstTime) in zip(pending, outcomes) {
                    if firstTime {
                        metrics.consumed.increment()
                    } else {
                        metrics.duplicates.increment()
                        logger.about(change.message.envelope).info("message already handled; acknowledged again")
                    }
                }
                pending = pending.dropFirst(outcomes.count)
                storeWaits = 0
            }
            if let failure, StoreUnavailable.matches(failure) {
                storeWaits += 1
                try waitForStore(after: failure, wait: storeWaits, on: connection, stop: stop, held: held)
            } else if let failure, let failed = pending.first {
                storeWaits = 0
                try retry(failed, after: failure, on: connection, stop: stop, held: held)
                pending = pending.dropFirst()
            }
        }
    }

    /// Handles a change whose first attempt failed: again with back-off until
    /// it succeeds, or dead-letters it after `retry.maxAttempts` attempts (at
    /// once for a permanent error).
    private func retry(_ change: Change, after firstError: any Error, on connection: AMQPConnection,
                       stop: ThreadSignal, held: HeldDeliveries) throws {
        let (delivery, message, logger) = (change.delivery, change.message, logger.about(change.message.envelope))
        var attempt = 1
        var storeWaits = 0
        var error = firstError
        while true {
            if StoreUnavailable.matches(error) {
                storeWaits += 1
                try waitForStore(after: error, wait: storeWaits, on: connection, stop: stop, held: held)
            } else {
                storeWaits = 0
                metrics.failed.increment()
                if error is MessageHandlingError || attempt >= retry.maxAttempts {
                    return try deadLetter(delivery, reason: "\(error)", attempts: attempt, on: connection, logger: logger)
                }
                logger.warning("handler failed; will retry", metadata: ["attempt": "\(attempt)", "error": "\(error)"])
                if connection.away({ stop.wait(timeout: retry.backoff.delay(attempt: attempt)) }) {
                    try connection.reject(delivery.deliveryTag, requeue: true)
                    return
                }
                attempt += 1
            }
            do {
                let firstTime = try connection.away {
                    try store.write { db in try Inbox.handleOnce(message, by: change.handler, outbox: outbox, in: db) }
                }
                try connection.ack(delivery.deliveryTag)
                firstTime ? metrics.consumed.increment() : metrics.duplicates.increment()
                return
            } catch let failure as AMQPError where failure.closesConnection {
                throw failure
            } catch let failure {
                error = failure
            }
        }
    }

    /// Waits before the `wait`-th try of a store that could not take a write, reading the
    /// deliveries that arrive meanwhile into `held` (which also services the heartbeats): they
    /// are handled, in order, once the store is back.
    ///
    /// - Throws: ``StoppedWhileWaiting`` when the service is asked to stop meanwhile.
    private func waitForStore(after error: any Error, wait: Int, on connection: AMQPConnection, stop: ThreadSignal,
                              held: HeldDeliveries) throws {
        metrics.storeUnavailable.increment()
        if wait == 1 {
            logger.warning("the store cannot take writes; holding the deliveries until it can",
                           metadata: ["error": "\(error)"])
        }
        let deadline = ContinuousClock.now + retry.storeBackoff.delay(attempt: wait)
        while case let remaining = deadline - .now, remaining > .zero {
            if stop.isRaised { throw StoppedWhileWaiting() }
            if let delivery = try connection.nextDelivery(timeout: min(remaining, broker.idleSlice)) {
                held.append(delivery)
            }
        }
    }

    /// The service was asked to stop while the consumer waited for its store.
    private struct StoppedWhileWaiting: Error {}

    private func deadLetter(_ delivery: AMQPDelivery, reason: String, attempts: Int, on connection: AMQPConnection,
                            logger: Logger) throws {
        let dead = DeadLetter.outgoing(for: delivery, service: service, reason: reason, attempts: attempts, policy: deadLetters,
                                          at: outbox.clock.preciseNow())
        try connection.away { try store.write { db in try outbox.enqueue(dead, in: db) } }
        try connection.ack(delivery.deliveryTag)
        metrics.deadLettered.increment()
        logger.error("message dead-lettered", metadata: ["reason": "\(reason)", "attempts": "\(attempts)",
                                                         "queue": "\(topology.deadLetterQueue)"])
    }
}
