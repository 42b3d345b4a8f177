import Logging
import ServiceLifecycle
import UnixSignals

/// Runs the long-lived parts of a service (HTTP server, consumers, outbox relay) until SIGTERM or
/// SIGINT, then shuts them down gracefully.
///
/// Services start in the order given and shut down in the reverse order, each finishing its
/// in-flight work before the next is asked to stop: list first what the others rely on. With
/// `[outboxRelay, consumer, http]`, the HTTP server stops taking requests first, the consumer
/// finishes its messages, and the relay publishes what they left in the outbox last.
///
/// If one service fails, the others are shut down gracefully too, so in-flight work still
/// finishes, and the error is rethrown for `main` to exit non-zero.
public struct ServiceRunner: Sendable {
    private let services: [any Service]
    private let logger: Logger
    private let shutdownSignals: [UnixSignal]

    /// Creates a runner for the given services.
    ///
    /// - Parameters:
    ///   - services: The service's long-lived parts, in start-up order.
    ///   - logger: Logs start and stop of the whole.
    ///   - shutdownSignals: The signals that start a graceful shutdown; tests that run several
    ///     services in one process pass none, so that one test's signal cannot stop another's.
    public init(services: [any Service], logger: Logger, shutdownSignals: [UnixSignal] = [.sigterm, .sigint]) {
        self.services = services
        self.logger = logger
        self.shutdownSignals = shutdownSignals
    }

    /// Runs the services until a shutdown signal arrives or one of them fails.
    public func run() async throws {
        let configurations = services.map { service in
            ServiceGroupConfiguration.ServiceConfiguration(
                service: service,
                failureTerminationBehavior: .gracefullyShutdownGroup,
                serviceName: String(String(describing: type(of: service)).prefix { $0 != "<" })
            )
        }
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: configurations,
                gracefulShutdownSignals: shutdownSignals,
                logger: logger
            )
        )
        logger.info(
            "Starting",
            metadata: ["services": "\(configurations.map(\.serviceName).joined(separator: ","))"]
        )
        do {
            try await group.run()
        } catch {
            logger.error("Stopped on error", metadata: ["error": "\(error)"])
            throw error
        }
        logger.info("Stopped")
    }
}
