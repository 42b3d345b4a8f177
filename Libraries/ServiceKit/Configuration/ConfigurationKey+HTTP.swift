/// The HTTP server: where it listens, its limits, and which proxies it believes.
extension ConfigurationKey {
    /// The address the HTTP server binds to.
    public static let httpHost = ConfigurationKey(
        name: "HTTP_HOST",
        defaultValue: .fixed("127.0.0.1"),
        description: "Address the HTTP server (API, health, metrics) listens on; `0.0.0.0` in a container."
    )

    /// The HTTP server's port, distinct per service so that all of them run on one machine.
    public static let httpPort = ConfigurationKey(
        name: "HTTP_PORT",
        defaultValue: .perService(
            [
                ("intake", "8080"),
                ("crm", "8081"),
                ("metering", "8082"),
                ("households", "8083"),
                ("outage", "8084"),
                ("notification", "8085"),
                ("signin", "8087"),
            ],
            otherwise: "8090"
        ),
        description: "Port of the HTTP server, 1 to 65535."
    )

    /// How long a connection may sit without a request under way.
    public static let httpIdleTimeoutSeconds = ConfigurationKey(
        name: "HTTP_IDLE_TIMEOUT_SECONDS",
        defaultValue: .fixed("65"),
        description: "Seconds, 1 to 3600, a connection may stay open with no request under way — kept alive after an answer, or still sending its request's head (a slow-header client) — before it is closed. Longer than an ingress's upstream keep-alive (60 s in ingress-nginx), so the proxy never reuses a connection being closed."
    )

    /// How long a request's body may take to arrive.
    public static let httpReadTimeoutSeconds = ConfigurationKey(
        name: "HTTP_READ_TIMEOUT_SECONDS",
        defaultValue: .fixed("300"),
        description: "Seconds, 1 to 3600, within which a request must arrive whole once its head has; a client still sending its body then is cut off. 300 s carries the largest upload the APIs take (households' 64 MiB import) at about 220 kB/s."
    )

    /// How many connections one instance holds open at once.
    public static let httpMaxConnections = ConfigurationKey(
        name: "HTTP_MAX_CONNECTIONS",
        defaultValue: .fixed("1000"),
        description: "Open HTTP connections at most, 1 to 100000; further clients wait in the listen queue until one closes, so a flood of idle connections costs waiting, not memory or file descriptors."
    )

    /// The largest request head accepted.
    public static let httpMaxHeaderBytes = ConfigurationKey(
        name: "HTTP_MAX_HEADER_BYTES",
        defaultValue: .fixed("16384"),
        description: "Bytes, 1024 to 1048576, that a request's header fields may take together (and any one of them); a larger head is refused and the connection closed. 16 KiB is what common proxies allow."
    )

    /// The reverse proxies whose forwarding headers are believed.
    public static let trustedProxies = ConfigurationKey(
        name: "TRUSTED_PROXIES",
        defaultValue: .fixed(""),
        description: "Comma-separated IP addresses or CIDR blocks of the reverse proxies in front of the service (e.g. `10.0.0.0/8`); unset: none. Only a connection from one of them may name the client (`X-Forwarded-For`, right-most untrusted hop) and say it arrived over TLS (`X-Forwarded-Proto: https`, which adds `Strict-Transport-Security` and `Secure` cookies)."
    )
}
