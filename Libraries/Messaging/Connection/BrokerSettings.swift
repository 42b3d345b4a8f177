/// How a component reaches the broker.
public struct BrokerSettings: Sendable {
    public var url: AMQPURL
    /// Shown by `rabbitmqctl list_connections` and the management UI: `<service>/<component>`.
    public var connectionName: String
    public var heartbeatSeconds: Int
    public var reconnect: Backoff

    public init(url: AMQPURL, connectionName: String, heartbeatSeconds: Int = 30, reconnect: Backoff = .reconnect) {
        self.url = url
        self.connectionName = connectionName
        self.heartbeatSeconds = heartbeatSeconds
        self.reconnect = reconnect
    }

    /// The same broker under another connection name.
    public func named(_ name: String) -> BrokerSettings {
        var copy = self
        copy.connectionName = name
        return copy
    }

    func connect() throws -> AMQPConnection {
        try AMQPConnection(url: url, name: connectionName, heartbeatSeconds: heartbeatSeconds)
    }

    /// How long an idle owner may wait between two calls that service heartbeats.
    var idleSlice: Duration {
        heartbeatSeconds > 0 ? min(.seconds(1), .seconds(heartbeatSeconds) / 4) : .seconds(1)
    }
}
