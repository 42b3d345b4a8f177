/// How long and how much an HTTP client may hold a service's server, so that a few clients
/// cannot starve the rest: slow or idle connections are cut, and their number is capped.
///
/// Read from `HTTP_IDLE_TIMEOUT_SECONDS`, `HTTP_READ_TIMEOUT_SECONDS`, `HTTP_MAX_CONNECTIONS`
/// and `HTTP_MAX_HEADER_BYTES` (``ConfigurationKey``, where the defaults are reasoned).
public struct HTTPLimits: Sendable, Equatable {
    /// How long a connection may stay open with no request under way: kept alive after an
    /// answer, or still sending its request's head.
    public var idleTimeout: Duration
    /// How long a request whose head has arrived may take to arrive whole.
    public var readTimeout: Duration
    /// How many connections the server holds open at once; more wait to be accepted.
    public var maxConnections: Int
    /// The most bytes a request's header fields may take together, and any one of them.
    public var maxHeaderBytes: Int

    public init(idleTimeout: Duration, readTimeout: Duration, maxConnections: Int, maxHeaderBytes: Int) {
        self.idleTimeout = idleTimeout
        self.readTimeout = readTimeout
        self.maxConnections = maxConnections
        self.maxHeaderBytes = maxHeaderBytes
    }
}
