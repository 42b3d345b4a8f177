/// An envelope and where it goes: what a service writes to its outbox.
public struct OutgoingMessage: Sendable, Equatable {
    public var exchange: String
    /// The AMQP routing key: the envelope's own for commands, with the provincial power
    /// company appended for events (``CompanyRouting``).
    public var routingKey: String
    /// A mandatory message that matches no queue is returned by the broker
    /// and stays in the outbox, so a command is never dropped because its
    /// target has not declared its queue yet.
    public var mandatory: Bool
    public var envelope: Envelope
    /// Headers beyond the envelope's own (dead-letter reasons).
    public var headers: [String: AMQPFieldValue]
    /// How long the message may wait in a queue before the broker drops it; nil for ever.
    public var expiration: Duration?

    public init(exchange: String, routingKey: String, mandatory: Bool, envelope: Envelope, headers: [String: AMQPFieldValue] = [:],
                expiration: Duration? = nil) {
        self.expiration = expiration
        self.exchange = exchange
        self.routingKey = routingKey
        self.mandatory = mandatory
        self.envelope = envelope
        self.headers = headers
    }

    /// A domain event on `evn.events`: whoever subscribed gets it, nobody subscribing is fine.
    /// Its routing key names the provincial power company its correlation id belongs to
    /// (``CompanyRouting``), so that shards take only their own companies' events.
    public static func event(_ envelope: Envelope) -> OutgoingMessage {
        OutgoingMessage(exchange: Exchange.events, routingKey: CompanyRouting.routingKey(ofEvent: envelope),
                        mandatory: false, envelope: envelope)
    }

    /// A command on `evn.commands` for exactly one service; kept until a queue takes it.
    public static func command(_ envelope: Envelope) -> OutgoingMessage {
        OutgoingMessage(exchange: Exchange.commands, routingKey: envelope.routingKey, mandatory: true, envelope: envelope)
    }

    /// The wire form of this message.
    package var amqpMessage: AMQPMessage {
        var message = AMQPMessage(envelope, headers: headers)
        message.expiration = expiration.map { String($0.milliseconds) }
        return message
    }
}
