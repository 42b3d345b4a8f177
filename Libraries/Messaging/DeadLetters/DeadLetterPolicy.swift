/// How a consumer files what it gives up on: sealed, and dropped by the broker after `retention`.
public struct DeadLetterPolicy: Sendable {
    /// Nil keeps bodies as they came (tests and benchmarks; a service always seals).
    public var sealer: (any DeadLetterSealer)?
    /// How long a dead letter waits in `<service>.dead` for an operator before the broker drops it.
    public var retention: Duration

    public init(sealer: (any DeadLetterSealer)? = nil, retention: Duration = .seconds(7 * 86_400)) {
        self.sealer = sealer
        self.retention = retention
    }
}
