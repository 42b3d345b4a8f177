import Synchronization

/// Which of a service's broker connections are up: the broker half of `/readyz`.
public final class BrokerHealth: Sendable {
    private let connections = Mutex<[String: Bool]>([:])

    public init() {}

    func update(_ name: String, connected: Bool) {
        connections.withLock { $0[name] = connected }
    }

    /// True when at least one connection registered and all of them are open.
    public var isReady: Bool {
        connections.withLock { !$0.isEmpty && $0.values.allSatisfy { $0 } }
    }

    /// Each connection by name and whether it is open.
    public var snapshot: [String: Bool] {
        connections.withLock { $0 }
    }
}
