/// The broker and how messages are consumed, retried, dead-lettered and relayed.
extension ConfigurationKey {
    /// The broker every service connects to: one node or a cluster's nodes.
    public static let amqpURL = ConfigurationKey(
        name: "AMQP_URL",
        defaultValue: .fixed("amqp://evn:evn@127.0.0.1:5672/evn"),
        description: "The RabbitMQ broker: `amqp://user:password@host:port/vhost` (the password never reaches the logs). A cluster's nodes are listed as comma-separated hosts, `amqps://user:password@broker-1:5671,broker-2:5671,broker-3:5671/evn`: each connection tries them in turn and moves to the next node when its own dies, logging the node it moved to. Outside development the password must be the deployment's own, 12 characters or more."
    )

    /// The CAs the broker's TLS certificate must chain to, for an `amqps://` URL.
    public static let amqpCAFile = ConfigurationKey(
        name: "AMQP_CA_FILE",
        defaultValue: .fixed(""),
        description: "With an `amqps://` `AMQP_URL`: the PEM file of the CAs the broker's certificate must chain to; unset, the system's CAs. The certificate must also name the URL's host; a broker that fails either check is refused."
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

    /// How long a dead letter waits for an operator before the broker drops it.
    public static let deadLetterRetentionHours = ConfigurationKey(
        name: "DEAD_LETTER_RETENTION_HOURS",
        defaultValue: .fixed("168"),
        description: "Hours a message the service gave up on waits in `<service>.dead` (its body sealed under `PERSONAL_DATA_KEY`) for `dead-letters list`/`replay` before the broker drops it, 1 or more; 168 (7 days) by default: long enough to fix a cause over a weekend, short enough that the personal data in it does not linger."
    )

    /// How long an outbox message the broker keeps refusing holds up the messages behind it.
    public static let outboxParkAfterSeconds = ConfigurationKey(
        name: "OUTBOX_PARK_AFTER_SECONDS",
        defaultValue: .fixed("60"),
        description: "Seconds an outbox message the broker keeps refusing (unroutable or nacked) is retried, alone, while the messages behind it wait; then it is parked (`outbox_parked_total`, an `error` log line) with the later messages for the same destination, and the rest go on. `parked-messages` lists and re-sends them (`docs/operations.md`). 0 or more; the default gives a service that starts late a minute to declare its queue."
    )
}
