import Foundation

/// A header value of the kinds this system writes and reads.
///
/// Arrays and nested tables (the broker's `x-death`) are read as `.unsupported`
/// so that a message carrying them still decodes.
public enum AMQPFieldValue: Sendable, Equatable {
    case string(String)
    case int(Int64)
    case bool(Bool)
    case unsupported

    public var stringValue: String? {
        if case let .string(value) = self { value } else { nil }
    }

    public var intValue: Int64? {
        if case let .int(value) = self { value } else { nil }
    }
}

/// The AMQP basic properties this system uses, and a body: one message as it
/// crosses the wire, before any meaning is given to it.
public struct AMQPMessage: Sendable, Equatable {
    public var contentType: String?
    public var persistent: Bool
    public var messageId: String?
    public var type: String?
    /// AMQP timestamps have whole-second precision.
    public var timestamp: Date?
    public var correlationId: String?
    public var replyTo: String?
    public var appId: String?
    /// How long the broker keeps the message in a queue, in milliseconds, before it drops it.
    public var expiration: String?
    public var headers: [String: AMQPFieldValue]
    public var body: Data

    public init(
        contentType: String? = nil, persistent: Bool = true, messageId: String? = nil, type: String? = nil,
        timestamp: Date? = nil, correlationId: String? = nil, replyTo: String? = nil, appId: String? = nil,
        expiration: String? = nil, headers: [String: AMQPFieldValue] = [:], body: Data
    ) {
        self.expiration = expiration
        self.contentType = contentType
        self.persistent = persistent
        self.messageId = messageId
        self.type = type
        self.timestamp = timestamp
        self.correlationId = correlationId
        self.replyTo = replyTo
        self.appId = appId
        self.headers = headers
        self.body = body
    }
}

/// A message the broker delivered to a consumer, with what the broker says about it.
public struct AMQPDelivery: Sendable {
    public var deliveryTag: UInt64
    public var redelivered: Bool
    public var exchange: String
    public var routingKey: String
    public var message: AMQPMessage

    /// How many times a quorum queue delivered this message before without an acknowledgement
    /// (`x-delivery-count`, or `x-acquired-count` from RabbitMQ 4); nil on a first delivery.
    public var previousDeliveries: Int? {
        let counts = ["x-delivery-count", "x-acquired-count"].compactMap { message.headers[$0]?.intValue }
        return counts.max().map(Int.init)
    }
}
