/// One environment variable that every service reads: its name, its default and what it is for.
///
/// ``ConfigurationKey/all`` is the single source of truth. ``ServiceConfiguration`` reads these keys,
/// and the table in `docs/configuration.md` is generated from them (see ``ConfigurationKey/markdownTable``),
/// so the documentation an operator reads cannot drift from what the code does.
public struct ConfigurationKey: Sendable {
    /// How a key's value is chosen when its variable is unset or empty.
    public enum Default: Sendable {
        /// The same value for every service.
        case fixed(String)
        /// A value per service, so that all services can run side by side on one machine,
        /// and a value for any service not listed.
        case perService([(service: String, value: String)], otherwise: String)

        /// The default value for the named service.
        public func value(for service: String) -> String {
            switch self {
            case .fixed(let value):
                return value
            case .perService(let values, let otherwise):
                return values.first { $0.service == service }?.value ?? otherwise
            }
        }
    }

    /// The environment variable's name, for example `HTTP_PORT`.
    public let name: String
    /// The value used when the variable is unset or empty; chosen to work on a developer machine.
    public let defaultValue: Default
    /// What the variable controls and which values it accepts, as written in the documentation.
    public let description: String
}

extension ConfigurationKey {
    /// The broker every service connects to.
    public static let amqpURL = ConfigurationKey(
        name: "AMQP_URL",
        defaultValue: .fixed("amqp://evn:evn@127.0.0.1:5672/evn"),
        description: "The RabbitMQ broker: `amqp://user:password@host:port/vhost` (the password never reaches the logs)."
    )

    /// Where the service keeps its SQLite store.
    public static let dataDirectory = ConfigurationKey(
        name: "DATA_DIR",
        defaultValue: .fixed("var/data"),
        description: "Folder of the service's SQLite store, `<DATA_DIR>/<service>.sqlite`; created if missing."
    )

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
            ],
            otherwise: "8090"
        ),
        description: "Port of the HTTP server, 1 to 65535."
    )

    /// How log lines are written.
    public static let logFormat = ConfigurationKey(
        name: "LOG_FORMAT",
        defaultValue: .fixed(LogFormat.logfmt.rawValue),
        description: "`logfmt` (one `key=value` line per event) or `json` (one JSON object per line)."
    )

    /// The lowest level that is logged.
    public static let logLevel = ConfigurationKey(
        name: "LOG_LEVEL",
        defaultValue: .fixed("info"),
        description: "Lowest level written: `trace`, `debug`, `info`, `notice`, `warning`, `error` or `critical`."
    )

    /// How many unacknowledged deliveries the broker may push to one consumer.
    public static let amqpPrefetch = ConfigurationKey(
        name: "AMQP_PREFETCH",
        defaultValue: .fixed("200"),
        description: "Unacknowledged deliveries in flight per consumer, 1 to 65535; 100 to 300 is fastest."
    )

    /// How often AMQP heartbeats are exchanged.
    public static let amqpHeartbeatSeconds = ConfigurationKey(
        name: "AMQP_HEARTBEAT_SECONDS",
        defaultValue: .fixed("30"),
        description: "AMQP heartbeat interval, 0 (off) to 65535; a connection silent for twice as long is dead."
    )

    /// How often a failing message is tried before it is dead-lettered.
    public static let messageMaxAttempts = ConfigurationKey(
        name: "MESSAGE_MAX_ATTEMPTS",
        defaultValue: .fixed("5"),
        description: "Deliveries of one message before it goes to `<service>.dead` with the reason, 1 or more."
    )

    /// The shared secret staff tokens are signed with; every service that checks tokens has the same.
    public static let staffTokenSecret = ConfigurationKey(
        name: "STAFF_TOKEN_SECRET",
        defaultValue: .fixed("development-only-staff-token-secret-do-not-deploy"),
        description: "Key (32 characters or more) that signs and checks staff tokens (HS256); the same for every service. Set it in production: the default is public."
    )

    /// The key personal data is sealed with in the stores.
    public static let personalDataKey = ConfigurationKey(
        name: "PERSONAL_DATA_KEY",
        defaultValue: .fixed("ZGV2ZWxvcG1lbnQtb25seS1rZXktZG8tbm90LWRlcGw="),
        description: "32 bytes in base64 (`openssl rand -base64 32`): seals ID and phone numbers at rest (AES-GCM) and keys their look-up fingerprints. Set it in production: the default is public; changing it makes sealed data unreadable."
    )

    /// The shard this instance is, when the service is split by provincial power company.
    public static let shard = ConfigurationKey(
        name: "SHARD",
        defaultValue: .fixed(""),
        description: "Unset: the service is one instance. A shard's name (lower-case letters and digits, e.g. `pc05`): the instance consumes `<service>.<shard>.inbox`, keeps `<service>-<shard>.sqlite` and handles only the messages of `SHARD_BRANCHES` (`docs/scaling.md`)."
    )

    /// The branches a shard owns.
    public static let shardBranches = ConfigurationKey(
        name: "SHARD_BRANCHES",
        defaultValue: .fixed(""),
        description: "With `SHARD`, required: comma-separated branch codes or prefixes the shard owns (`PC05` is every branch of PC Quảng Nam); a message is the shard's when its request code or customer code starts with one."
    )

    /// The reverse proxies whose forwarding headers are believed.
    public static let trustedProxies = ConfigurationKey(
        name: "TRUSTED_PROXIES",
        defaultValue: .fixed(""),
        description: "Comma-separated IP addresses or CIDR blocks of the reverse proxies in front of the service (e.g. `10.0.0.0/8`); unset: none. Only a connection from one of them may name the client (`X-Forwarded-For`, right-most untrusted hop) and say it arrived over TLS (`X-Forwarded-Proto: https`, which adds `Strict-Transport-Security` and `Secure` cookies)."
    )

    /// Every key, in the order the documentation lists them.
    public static let all: [ConfigurationKey] = [
        .amqpURL,
        .dataDirectory,
        .httpHost,
        .httpPort,
        .logFormat,
        .logLevel,
        .amqpPrefetch,
        .amqpHeartbeatSeconds,
        .messageMaxAttempts,
        .staffTokenSecret,
        .personalDataKey,
        .shard,
        .shardBranches,
        .trustedProxies,
    ]
}
