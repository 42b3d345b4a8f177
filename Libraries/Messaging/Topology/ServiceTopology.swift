/// One routing key a service consumes, and the exchange it comes from.
public struct Binding: Sendable, Hashable {
    public var exchange: String
    public var routingKey: String

    public init(exchange: String, routingKey: String) {
        self.exchange = exchange
        self.routingKey = routingKey
    }
}

/// The queues a service owns: `<service>.inbox`, bound to the events and commands it
/// consumes, `<service>.lookups`, bound to the look-ups it answers, and `<service>.dead` for
/// what it could not handle.
///
/// The inbox is a quorum queue (replicated once the broker is a cluster). On
/// RabbitMQ 3.10 a quorum queue has no delivery limit unless told, so one is
/// set together with the dead-letter exchange: a message that crashes the
/// process every time it is delivered ends in `<service>.dead` instead of
/// looping for ever. The consumer's own retry limit is far below it.
///
/// Look-ups have a queue of their own so that a customer's question never waits behind a
/// backlog of events in the inbox. It is a transient classic queue whose messages expire after
/// `lookupExpiry`: a look-up is asked again when unanswered, so one its caller has long given
/// up on is not worth answering, nor worth keeping. Transient also keeps it available in a
/// cluster: when its node dies the broker deletes it, and the service declares it again on the
/// node it moves to (a durable classic queue would stay bound to the dead node, refusing every
/// declaration until that node returned).
public struct ServiceTopology: Sendable, Equatable {
    public var service: String
    public var bindings: [Binding]
    public var lookups: [Binding]
    public var brokerDeliveryLimit: Int
    public var lookupExpiry: Duration

    public init(service: String, bindings: [Binding], lookups: [Binding] = [], brokerDeliveryLimit: Int = 20,
                lookupExpiry: Duration = .seconds(30)) {
        self.service = service
        self.bindings = bindings
        self.lookups = lookups
        self.brokerDeliveryLimit = brokerDeliveryLimit
        self.lookupExpiry = lookupExpiry
    }

    public var inboxQueue: String { "\(service).inbox" }
    public var lookupQueue: String { "\(service).lookups" }
    public var deadLetterQueue: String { "\(service).dead" }

    /// Declares exchanges, the inbox and dead-letter queues and the inbox's bindings; safe to
    /// repeat after each reconnect. Look-up keys an older release bound to the inbox are unbound
    /// from it, so that look-ups reach only their own queue.
    func declare(on connection: AMQPConnection) throws {
        try Exchange.declareAll(on: connection)
        try connection.declareQueue(deadLetterQueue)
        try connection.bindQueue(deadLetterQueue, exchange: Exchange.dead, routingKey: deadLetterQueue)
        try connection.declareQueue(inboxQueue, arguments: [
            "x-queue-type": .string("quorum"),
            "x-dead-letter-exchange": .string(Exchange.dead),
            "x-dead-letter-routing-key": .string(deadLetterQueue),
            "x-delivery-limit": .int(Int64(brokerDeliveryLimit)),
        ])
        for binding in Set(bindings) {
            try connection.bindQueue(inboxQueue, exchange: binding.exchange, routingKey: binding.routingKey)
        }
        for lookup in Set(lookups) {
            try connection.unbindQueue(inboxQueue, exchange: lookup.exchange, routingKey: lookup.routingKey)
        }
    }

    /// Declares exchanges, the look-up queue and its bindings; safe to repeat after each reconnect.
    func declareLookups(on connection: AMQPConnection) throws {
        try Exchange.declareAll(on: connection)
        try connection.declareQueue(lookupQueue, durable: false, arguments: [
            "x-message-ttl": .int(Int64(lookupExpiry.milliseconds)),
        ])
        for lookup in Set(lookups) {
            try connection.bindQueue(lookupQueue, exchange: lookup.exchange, routingKey: lookup.routingKey)
        }
    }
}
