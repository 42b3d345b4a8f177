import Foundation

/// A message a service gave up on, as an operator sees it in `<service>.dead`.
public struct DeadLetter: Sendable {
    public var messageId: String
    public var type: String
    public var correlationId: String?
    /// Why it was given up: the last error, or the broker's reason (delivery limit).
    public var reason: String
    public var attempts: Int?
    public var deadAt: Date?
    public var originalExchange: String?
    public var originalRoutingKey: String?
    public var body: Data

    init(_ message: AMQPMessage) {
        let headers = message.headers
        messageId = message.messageId ?? ""
        type = message.type ?? ""
        correlationId = message.correlationId
        reason = headers[Header.deadReason]?.stringValue
            ?? headers[Header.brokerDeathReason]?.stringValue.map { "dead-lettered by the broker: \($0)" }
            ?? "unknown"
        attempts = headers[Header.deadAttempts]?.intValue.map(Int.init)
        deadAt = headers[Header.deadAt]?.intValue.map { Date(timeIntervalSince1970: TimeInterval($0)) }
        originalExchange = headers[Header.originalExchange]?.stringValue
        originalRoutingKey = headers[Header.originalRoutingKey]?.stringValue
        body = message.body
    }

    /// The outbox message that files `delivery` into `service`'s dead-letter queue with its reason.
    static func outgoing(for delivery: AMQPDelivery, service: String, reason: String, attempts: Int) -> OutgoingMessage {
        var headers = delivery.message.headers
        headers[Header.deadReason] = .string(String(reason.prefix(2000)))
        headers[Header.deadAttempts] = .int(Int64(attempts))
        headers[Header.deadService] = .string(service)
        headers[Header.deadAt] = .int(Int64(Date().timeIntervalSince1970))
        headers[Header.originalExchange] = .string(delivery.exchange)
        headers[Header.originalRoutingKey] = .string(delivery.routingKey)
        let message = delivery.message
        // A message with no valid envelope is dead-lettered too; a type it lacks becomes `unknown.v1`.
        let (routingKey, version) = message.type.flatMap(Envelope.parse(type:)) ?? ("unknown", 1)
        let envelope = Envelope(
            messageId: message.messageId ?? UUID().uuidString.lowercased(),
            routingKey: routingKey, version: version,
            timestamp: message.timestamp ?? Date(), correlationId: message.correlationId,
            causationId: headers[Header.causationId]?.stringValue, traceparent: headers[Header.traceparent]?.stringValue,
            appId: message.appId ?? "", body: message.body
        )
        headers[Header.causationId] = nil
        headers[Header.traceparent] = nil
        return OutgoingMessage(exchange: Exchange.dead, routingKey: "\(service).dead", mandatory: true,
                               envelope: envelope, headers: headers)
    }
}
