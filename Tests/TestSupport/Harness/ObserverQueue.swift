/// A queue a test binds to the exchanges before the service starts, to see what the service
/// put on the wire as any AMQP client would: read with ``BrokerFixture/peek(_:count:)``,
/// which leaves the messages where they are.
public struct ObserverQueue: Sendable {
    public var name: String
    /// Routing keys (wildcards allowed) bound on `evn.events`.
    public var events: [String]
    /// Routing keys bound on `evn.commands`.
    public var commands: [String]

    public init(_ name: String, events: [String] = ["#"], commands: [String] = []) {
        self.name = name
        self.events = events
        self.commands = commands
    }
}
