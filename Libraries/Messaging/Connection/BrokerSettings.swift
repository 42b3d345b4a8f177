/// How a component reaches the broker.
public struct BrokerSettings: Sendable {
    public var url: AMQPURL
    /// Shown by `rabbitmqctl list_connections` and the management UI: `<service>/<component>`.
    public var connectionName: String
    public var heartbeatSeconds: Int
    public var reconnect: Backoff
    /// For an `amqps://` URL: the PEM file of the CAs the broker's certificate must chain to;
    /// nil trusts the system's CAs. Either way the certificate must name the URL's host.
    public var caFile: String?

    public init(url: AMQPURL, connectionName: String, heartbeatSeconds: Int = 30, reconnect: Backoff = .reconnect,
                caFile: String? = nil) {
        self.url = url
        self.caFile = caFile
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
        try AMQPConnection(url: url, name: connectionName, heartbeatSeconds: heartbeatSeconds, caFile: caFile)
    }

    /// How long an idle owner may wait between two calls that service heartbeats.
    var idleSlice: Duration {
        heartbeatSeconds > 0 ? min(.seconds(1), .seconds(heartbeatSeconds) / 4) : .seconds(1)
    }
}
