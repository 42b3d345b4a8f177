import Foundation

/// Seals a dead letter's body while it waits in `<service>.dead`, and opens it for replay.
///
/// Dead letters keep whole bodies — ID and phone numbers, names, a signing code — for days, on
/// a broker that every service and operator reaches. The services seal them under their
/// personal-data key (ServiceKit gives the sealer), so Messaging never depends on how keys
/// are held or rotated.
public protocol DeadLetterSealer: Sendable {
    func seal(_ body: Data) -> Data
    /// - Throws: when `sealed` was not sealed with this service's key, or was altered.
    func open(_ sealed: Data) throws -> Data
}

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
