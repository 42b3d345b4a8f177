/// A gauge read when Prometheus scrapes `/metrics`, for a number that lives in the store (open
/// tickets past their service time, reminders waiting to leave) rather than in the process.
///
/// Reading at scrape time keeps the value as fresh as the scrape and costs nothing between
/// scrapes; a read that throws leaves the previous value and is logged, so one failing query
/// never takes `/metrics` down with it.
public struct ScrapedGauge: Sendable {
    /// The metric's name as Prometheus shows it: `tickets_past_service_time`.
    public let name: String
    /// The `# HELP` line: what the number counts.
    public let help: String
    let read: @Sendable () async throws -> Double

    public init(name: String, help: String, read: @escaping @Sendable () async throws -> Double) {
        self.name = name
        self.help = help
        self.read = read
    }
}
