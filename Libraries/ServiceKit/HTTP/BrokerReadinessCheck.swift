import Messaging

/// The broker half of `/readyz`: ready while every broker connection of the service is set up.
public struct BrokerReadinessCheck: ReadinessCheck {
    let health: BrokerHealth

    public init(health: BrokerHealth) {
        self.health = health
    }

    public var name: String { "broker" }

    public func check() async -> Bool {
        health.isReady
    }
}
