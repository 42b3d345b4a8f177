import Metrics

/// The counters operators read on `/metrics` to see the messaging of one service.
struct MessagingMetrics: Sendable {
    let published: Counter
    let consumed: Counter
    let duplicates: Counter
    let failed: Counter
    let deadLettered: Counter
    let handlerDuration: Timer
    let outboxBacklog: Gauge
    /// Outbox rows parked because the broker kept refusing them, and how many wait parked now.
    let parked: Counter
    let outboxParked: Gauge
    /// Waits of a consumer for a store that was locked, full or failing.
    let storeUnavailable: Counter
    /// Events and commands a shard received but does not own, acknowledged unhandled: zero for a
    /// shard owning whole provincial power companies, whose events the broker routes to it only.
    let notOwned: Counter

    init(service: String) {
        let dimensions = [("service", service)]
        published = Counter(label: "messages_published_total", dimensions: dimensions)
        consumed = Counter(label: "messages_consumed_total", dimensions: dimensions)
        duplicates = Counter(label: "messages_duplicate_total", dimensions: dimensions)
        failed = Counter(label: "messages_failed_total", dimensions: dimensions)
        deadLettered = Counter(label: "messages_dead_lettered_total", dimensions: dimensions)
        handlerDuration = Timer(label: "message_handler_duration_seconds", dimensions: dimensions, preferredDisplayUnit: .seconds)
        outboxBacklog = Gauge(label: "outbox_backlog", dimensions: dimensions)
        parked = Counter(label: "outbox_parked_total", dimensions: dimensions)
        outboxParked = Gauge(label: "outbox_parked", dimensions: dimensions)
        storeUnavailable = Counter(label: "consumer_store_unavailable_total", dimensions: dimensions)
        notOwned = Counter(label: "messages_not_owned_total", dimensions: dimensions)
    }
}
