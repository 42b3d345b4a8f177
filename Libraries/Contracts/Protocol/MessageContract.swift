/// A message body of the system's shared language: one type per event, command or look-up.
///
/// A contract knows its routing key and schema version so that a producer never types
/// them by hand: the service wraps the encoded contract in an envelope whose `type` is
/// ``type`` (`<routing key>.v<N>`). Bodies are JSON with ISO-8601 instants and sorted
/// keys; an ISO-8601 instant has whole seconds, so producers should truncate `Date`s to
/// the second if they compare a decoded message with the one they sent.
///
/// Versioning: adding an optional field keeps ``version``; removing or renaming a field,
/// or changing its type or meaning, bumps it, and the producer publishes both versions
/// until every consumer reads the new one.
public protocol MessageContract: Codable, Sendable, Equatable {
    /// The AMQP routing key, following the naming rule of ``kind``.
    static var routingKey: String { get }
    /// The schema version of the body, starting at 1.
    static var version: Int { get }
    /// Whether this is an event, a command or a look-up.
    static var kind: MessageKind { get }
}

extension MessageContract {
    /// The AMQP `type` property of an envelope carrying this contract.
    public static var type: String { "\(routingKey).v\(version)" }
}
