/// One routing key a service consumes, and the exchange it comes from.
public struct Binding: Sendable, Hashable {
    public var exchange: String
    public var routingKey: String

    public init(exchange: String, routingKey: String) {
        self.exchange = exchange
        self.routingKey = routingKey
    }
}

/// The queues a service owns: `<service>.inbox`, bound to the keys it
/// consumes, and `<service>.dead` for what it could not handle.
///
/// The inbox is a quorum queue (replicated once the broker is a cluster). On
/// RabbitMQ 3.10 a quorum queue has no delivery limit unless told, so one is
/// set together with the dead-letter exchange: a message that crashes the
/// process every time it is delivered ends in `<service>.dead` instead of
/// looping for ever. The consumer's own retry limit is far below it.
public struct ServiceTopology: Sendable, Equatable {
    public var service: String
    public var bindings: [Binding]
    public var brokerDeliveryLimit: Int

    public init(service: String, bindings: [Binding], brokerDeliveryLimit: Int = 20) {
        self.service = service
        self.bindings = bindings
        self.brokerDeliveryLimit = brokerDeliveryLimit
    }

    public var inboxQueue: String { "\(service).inbox" }
    public var deadLetterQueue: String { "\(service).dead" }

    /// Declares exchanges, both queues and every binding; safe to repeat after each reconnect.
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
    }
}
