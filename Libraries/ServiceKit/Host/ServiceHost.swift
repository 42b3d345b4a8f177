import Hummingbird
import Logging
import Messaging
import PersonalData
import Prometheus
import ServiceLifecycle
import UnixSignals

/// Runs one service: opens its store, wires its definition to the broker and
/// to HTTP, and runs every part until SIGTERM or SIGINT.
///
/// Start order is store → outbox relay → look-up client → inbox consumer →
/// look-up answers → background services → HTTP, and shutdown goes the other way round: HTTP
/// stops taking requests first, the consumer finishes the messages in hand,
/// and the relay flushes what they wrote before the process exits.
public struct ServiceHost<Definition: ServiceDefinition>: Sendable {
    public let context: ServiceContext
    public let definition: Definition
    private let health: BrokerHealth
    private let metrics: PrometheusCollectorRegistry

    /// - Parameter clock: the time of day the service reads; the system clock unless a test moves one.
    public init(configuration: ServiceConfiguration, logger: Logger, metrics: PrometheusCollectorRegistry,
                clock: WallClock = .system) throws {
        // One protector for the migrations and the service: deriving a key's sub-keys is not free.
        let personalData = configuration.personalData
        let store = try ServiceStore(configuration: configuration, migrator: Definition.migrator(personalData: personalData))
        let health = BrokerHealth()
        context = ServiceContext(
            configuration: configuration, store: store, writer: GroupCommitWriter(database: store.database),
            outbox: Outbox(service: configuration.service, clock: clock),
            lookups: RPCClient(broker: configuration.broker("lookups"), appId: configuration.service, health: health,
                               logger: logger),
            personalData: personalData, logger: logger, clock: clock
        )
        definition = try Definition(context: context)
        self.health = health
        self.metrics = metrics
    }

    /// Runs until one of `shutdownSignals` arrives (or the task is cancelled).
    public func run(shutdownSignals: [UnixSignal] = [.sigterm, .sigint]) async throws {
        let configuration = context.configuration
        let relay = OutboxRelay(broker: configuration.broker("relay"), store: context.store.database,
                                outbox: context.outbox, health: health, logger: context.logger,
                                service: configuration.service, parkAfter: configuration.outboxParkAfter)
        var parts: [any Service] = [relay, context.lookups]
        var handlers = definition.handlers
        if let shard = configuration.shard {
            handlers.restrict(to: shard.owns, companies: shard.companies)
        }
        if !handlers.bindings.isEmpty {
            parts.append(InboxConsumer(
                service: configuration.instance, broker: configuration.broker("consumer"), store: context.store.database,
                outbox: context.outbox, handlers: handlers, health: health, logger: context.logger,
                prefetch: Int(configuration.amqpPrefetch),
                retry: RetryPolicy(maxAttempts: configuration.messageMaxAttempts),
                deadLetters: DeadLetterPolicy(sealer: PersonalDataDeadLetterSealer(protector: context.personalData),
                                              retention: configuration.deadLetterRetention)
            ))
        }
        if !handlers.lookupBindings.isEmpty {
            parts.append(LookupConsumer(
                service: configuration.instance, broker: configuration.broker("answers"), store: context.store.database,
                handlers: handlers, health: health, logger: context.logger
            ))
        }
        parts += definition.backgroundServices
        let http = ServiceHTTP.application(
            configuration: configuration,
            readinessChecks: [StoreReadinessCheck(store: context.store), BrokerReadinessCheck(health: health)],
            metrics: metrics, gauges: definition.gauges, logger: context.logger, formTargets: definition.formTargets,
            routes: definition.routes
        )
        parts.append(http)
        try await ServiceRunner(services: parts, logger: context.logger, shutdownSignals: shutdownSignals).run()
    }
}
