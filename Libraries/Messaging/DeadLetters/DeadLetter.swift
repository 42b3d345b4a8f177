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
    /// The body as it was handled; still sealed when ``isSealed`` (no sealer, or another key's).
    public var body: Data
    public var isSealed: Bool
    /// When the broker drops it, counted from when it was filed.
    public var expiresAt: Date?

    init(_ message: AMQPMessage, sealer: (any DeadLetterSealer)?) {
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
        let sealed = headers[Header.deadSealed] == .bool(true)
        if sealed, let opened = try? sealer?.open(message.body) {
            (body, isSealed) = (opened, false)
        } else {
            (body, isSealed) = (message.body, sealed)
        }
        if let deadAt, let milliseconds = message.expiration.flatMap(Double.init) {
            expiresAt = deadAt.addingTimeInterval(milliseconds / 1000)
        } else {
            expiresAt = nil
        }
    }

    /// The outbox message that files `delivery` into `service`'s dead-letter queue with its
    /// reason, its body sealed and its expiry set as `policy` says, dead `at` that instant.
    static func outgoing(for delivery: AMQPDelivery, service: String, reason: String, attempts: Int,
                         policy: DeadLetterPolicy, at date: Date) -> OutgoingMessage {
        var headers = delivery.message.headers
        headers[Header.deadReason] = .string(String(reason.prefix(2000)))
        headers[Header.deadAttempts] = .int(Int64(attempts))
        headers[Header.deadService] = .string(service)
        headers[Header.deadAt] = .int(Int64(date.timeIntervalSince1970))
        headers[Header.originalExchange] = .string(delivery.exchange)
        headers[Header.originalRoutingKey] = .string(delivery.routingKey)
        let message = delivery.message
        if policy.sealer != nil { headers[Header.deadSealed] = .bool(true) }
        // A message with no valid envelope is dead-lettered too; a type it lacks becomes `unknown.v1`.
        let (routingKey, version) = message.type.flatMap(Envelope.parse(type:)) ?? ("unknown", 1)
        let envelope = Envelope(
            messageId: message.messageId ?? UUID().uuidString.lowercased(),
            routingKey: routingKey, version: version,
            timestamp: message.timestamp ?? date, correlationId: message.correlationId,
            causationId: headers[Header.causationId]?.stringValue, traceparent: headers[Header.traceparent]?.stringValue,
            appId: message.appId ?? "", body: policy.sealer?.seal(message.body) ?? message.body
        )
        headers[Header.causationId] = nil
        headers[Header.traceparent] = nil
        return OutgoingMessage(exchange: Exchange.dead, routingKey: "\(service).dead", mandatory: true,
                               envelope: envelope, headers: headers, expiration: policy.retention)
    }
}
