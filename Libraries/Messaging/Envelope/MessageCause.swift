import Foundation

/// The message an outgoing one descends from: the outgoing message names it as its cause
/// (`causation-id`), continues its trace one span further, and shares its `correlation_id`
/// unless it names another.
///
/// An ``Envelope`` is one: the message a handler is handling. A message sent later, outside
/// that handler (a meter installed days after its work order was opened), names its cause by
/// what was kept of it (``RecordedCause``).
public protocol MessageCause: Sendable {
    var messageId: String { get }
    var correlationId: String? { get }
    var traceparent: String? { get }
}

extension MessageCause {
    /// A message caused by this one: same correlation, same trace, a new span.
    public func caused(routingKey: String, version: Int = 1, appId: String, body: Data) -> Envelope {
        Envelope(
            routingKey: routingKey, version: version, correlationId: correlationId, causationId: messageId,
            traceparent: (traceparent.flatMap(TraceParent.init) ?? .random()).child().description,
            appId: appId, body: body
        )
    }
}

extension Envelope: MessageCause {}

/// A cause kept in a service's store to be named by a message sent after its handler finished.
public struct RecordedCause: MessageCause {
    public var messageId: String
    public var correlationId: String?
    public var traceparent: String?

    public init(messageId: String, correlationId: String? = nil, traceparent: String?) {
        self.messageId = messageId
        self.correlationId = correlationId
        self.traceparent = traceparent
    }
}
