/// How a component reaches the broker.
public struct BrokerSettings: Sendable {
    /// The broker's nodes; connections made from copies of these settings (``named(_:)``)
    /// share which node they use.
    public var nodes: BrokerNodes
    /// Shown by `rabbitmqctl list_connections` and the management UI: `<service>/<component>`.
    public var connectionName: String
    public var heartbeatSeconds: Int
    public var reconnect: Backoff
    /// For an `amqps://` URL: the PEM file of the CAs the broker's certificate must chain to;
    /// nil trusts the system's CAs. Either way the certificate must name the URL's host.
    public var caFile: String?

    public init(nodes: BrokerNodes, connectionName: String, heartbeatSeconds: Int = 30, reconnect: Backoff = .reconnect,
                caFile: String? = nil) {
        self.nodes = nodes
        self.caFile = caFile
        self.connectionName = connectionName
        self.heartbeatSeconds = heartbeatSeconds
        self.reconnect = reconnect
    }

    /// A one-node broker.
    public init(url: AMQPURL, connectionName: String, heartbeatSeconds: Int = 30, reconnect: Backoff = .reconnect,
                caFile: String? = nil) {
        self.init(nodes: BrokerNodes(url), connectionName: connectionName, heartbeatSeconds: heartbeatSeconds,
                  reconnect: reconnect, caFile: caFile)
    }

    /// The same broker under another connection name.
    public func named(_ name: String) -> BrokerSettings {
        var copy = self
        copy.connectionName = name
        return copy
    }

    /// Connects to the preferred node, or else to each of the others in turn: a dead node costs
    /// one refused (or timed-out) attempt, not a back-off. Throws the last node's error when
    /// none answers.
    package func connect() throws -> AMQPConnection {
        var lastError: (any Error)?
        for url in nodes.rotation {
            do {
                let connection = try AMQPConnection(url: url, name: connectionName, heartbeatSeconds: heartbeatSeconds, caFile: caFile)
                nodes.connected(to: url)
                return connection
            } catch {
                nodes.failed(url)
                lastError = error
            }
        }
        throw lastError!
    }

    /// How long an idle owner may wait between two calls that service heartbeats.
    var idleSlice: Duration {
        heartbeatSeconds > 0 ? min(.seconds(1), .seconds(heartbeatSeconds) / 4) : .seconds(1)
    }
}
