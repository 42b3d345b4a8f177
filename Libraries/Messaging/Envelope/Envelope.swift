import Foundation

/// A domain message as every service sends and reads it: the design's envelope.
///
/// On the wire it is a plain AMQP message (JSON body, `content_type`
/// `application/json`, persistent, `message_id`, `type` = `<routing key>.v<N>`,
/// `timestamp`, `correlation_id`, `app_id`, headers `causation-id` and
/// `traceparent`), so that a consumer in any language reads it with a plain
/// AMQP client and a JSON parser. `AMQPMessage(envelope)` and
/// `Envelope(message:)` are the only two places that mapping is written.
public struct Envelope: Sendable, Equatable {
    /// A UUID, the key of every consumer's inbox: a redelivery carries the same id.
    public var messageId: String
    /// `<source>.<entity>.<event>` for events, `<target>.<command>` for commands.
    public var routingKey: String
    /// The version of the body's schema; a breaking change bumps it.
    public var version: Int
    public var timestamp: Date
    /// The request code the whole flow shares, so one grep over the logs tells its story.
    public var correlationId: String?
    /// The message id of the message whose handling caused this one.
    public var causationId: String?
    /// W3C trace context (`00-<trace id>-<span id>-01`).
    public var traceparent: String?
    /// The producing service.
    public var appId: String
    /// Where a request/reply look-up wants its answer.
    public var replyTo: String?
    /// The JSON body.
    public var body: Data

    public init(
        messageId: String = UUID.timeOrdered().uuidString.lowercased(), routingKey: String, version: Int = 1,
        timestamp: Date = WallClock.system.preciseNow(), correlationId: String? = nil, causationId: String? = nil,
        traceparent: String? = TraceParent.random().description, appId: String, replyTo: String? = nil, body: Data
    ) {
        self.messageId = messageId
        self.routingKey = routingKey
        self.version = version
        self.timestamp = timestamp
        self.correlationId = correlationId
        self.causationId = causationId
        self.traceparent = traceparent
        self.appId = appId
        self.replyTo = replyTo
        self.body = body
    }

    /// The AMQP `type` property: routing key and schema version.
    public var type: String { "\(routingKey).v\(version)" }

    /// Encodes a `Codable` body the way every service does (ISO-8601 dates, sorted keys).
    public static func encode(_ value: some Encodable) throws -> Data {
        try JSONCoding.encoder.encode(value)
    }

    /// Decodes the body as `T`; a body that does not fit is a permanent failure.
    public func decode<T: Decodable>(_ type: T.Type) throws -> T {
        do {
            return try JSONCoding.decoder.decode(type, from: body)
        } catch {
            throw MessageHandlingError.permanent("the body of \(self.type) does not decode as \(T.self): \(error)")
        }
    }
}

/// The JSON conventions of every message body, and of what services answer
/// and keep as JSON: ISO-8601 instants, sorted keys.
public enum JSONCoding {
    public static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    public static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }()
}

/// Why an AMQP message could not be read as an envelope.
public struct EnvelopeError: Error, CustomStringConvertible, Sendable {
    public var description: String
}

/// The names of the headers this system writes, in one place.
public enum Header {
    public static let causationId = "causation-id"
    public static let traceparent = "traceparent"
    public static let deadReason = "x-dead-reason"
    public static let deadAttempts = "x-dead-attempts"
    public static let deadService = "x-dead-service"
    public static let deadAt = "x-dead-at"
    public static let originalExchange = "x-original-exchange"
    public static let originalRoutingKey = "x-original-routing-key"
    /// On a dead letter whose body is sealed (``DeadLetterSealer``).
    public static let deadSealed = "x-dead-sealed"
    /// Set by RabbitMQ when it dead-letters a message itself (delivery limit reached).
    public static let brokerDeathReason = "x-first-death-reason"
}

extension AMQPMessage {
    /// The wire form of an envelope.
    public init(_ envelope: Envelope, headers extra: [String: AMQPFieldValue] = [:]) {
        var headers = extra
        if let causation = envelope.causationId { headers[Header.causationId] = .string(causation) }
        if let trace = envelope.traceparent { headers[Header.traceparent] = .string(trace) }
        self.init(
            contentType: "application/json", persistent: true, messageId: envelope.messageId, type: envelope.type,
            timestamp: envelope.timestamp, correlationId: envelope.correlationId, replyTo: envelope.replyTo,
            appId: envelope.appId, headers: headers, body: envelope.body
        )
    }
}

extension Envelope {
    /// Reads an envelope from the wire; throws when a required property is missing or malformed.
    public init(message: AMQPMessage) throws {
        guard let messageId = message.messageId, !messageId.isEmpty else {
            throw EnvelopeError(description: "the message has no message_id")
        }
        guard let type = message.type, let (routingKey, version) = Self.parse(type: type) else {
            throw EnvelopeError(description: "the message type '\(message.type ?? "")' is not <routing key>.v<version>")
        }
        guard message.contentType == nil || message.contentType == "application/json" else {
            throw EnvelopeError(description: "content type \(message.contentType ?? "") is not application/json")
        }
        self.init(
            messageId: messageId, routingKey: routingKey, version: version,
            timestamp: message.timestamp ?? WallClock.system.preciseNow(),
            correlationId: message.correlationId, causationId: message.headers[Header.causationId]?.stringValue,
            traceparent: message.headers[Header.traceparent]?.stringValue, appId: message.appId ?? "",
            replyTo: message.replyTo, body: message.body
        )
    }

    /// Splits an AMQP `type` (`<routing key>.v<version>`) into its two parts; nil when it is not one.
    static func parse(type: String) -> (routingKey: String, version: Int)? {
        guard let dot = type.lastIndex(of: "."), type[type.index(after: dot)...].hasPrefix("v"),
              let version = Int(type[type.index(dot, offsetBy: 2)...]), version > 0 else { return nil }
        let routingKey = String(type[..<dot])
        return routingKey.isEmpty ? nil : (routingKey, version)
    }
}
