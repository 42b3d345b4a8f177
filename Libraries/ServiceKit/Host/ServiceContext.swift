import Logging
import Messaging
import PersonalData

/// The parts every service is built from, handed to `ServiceDefinition.init(context:)`.
public struct ServiceContext: Sendable {
    public let configuration: ServiceConfiguration
    public let store: ServiceStore
    /// Request handlers write through it: concurrent requests share commits.
    public let writer: GroupCommitWriter
    /// Messages a state change causes go here, in the same transaction.
    public let outbox: Outbox
    /// Look-ups answered by other services.
    public let lookups: RPCClient
    /// Seals personal data before it is stored and fingerprints it for look-ups.
    public let personalData: PersonalDataProtector
    public let logger: Logger
    /// The time of day every part of the service reads: the system clock in service, one the
    /// test moves in tests.
    public let clock: WallClock

    /// The same parts on `clock`: one service seen at another time of day, as a test that puts
    /// a second view of it ahead does.
    public func reading(_ clock: WallClock) -> ServiceContext {
        ServiceContext(configuration: configuration, store: store, writer: writer, outbox: outbox, lookups: lookups,
                       personalData: personalData, logger: logger, clock: clock)
    }
}
