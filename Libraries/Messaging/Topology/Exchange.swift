/// The three durable exchanges every service shares.
public enum Exchange {
    /// Domain events, topic exchange: `<source>.<entity>.<event>`.
    public static let events = "evn.events"
    /// Commands addressed to one service, direct exchange: `<target>.<command>`.
    public static let commands = "evn.commands"
    /// Dead letters, direct exchange: routed to `<service>.dead`.
    public static let dead = "evn.dead"

    /// Declares all three; idempotent, so every service does it at start.
    package static func declareAll(on connection: AMQPConnection) throws {
        try connection.declareExchange(events, type: "topic")
        try connection.declareExchange(commands, type: "direct")
        try connection.declareExchange(dead, type: "direct")
    }
}
