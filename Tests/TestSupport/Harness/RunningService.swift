import Foundation
import Logging
import Prometheus
import ServiceKit
import ServiceLifecycle

/// One run of a service in this process, from ``ServiceHarness/start(_:)`` until ``stop()``.
public struct RunningService<Definition: ServiceDefinition>: HTTPEndpoint {
    public let host: ServiceHost<Definition>
    public let baseURL: URL
    private let group: ServiceGroup
    private let task: Task<Void, any Error>

    /// Builds the host on `clock`, runs it, and returns once it answers `/readyz`.
    static func start(configuration: ServiceConfiguration, logger: Logger, clock: WallClock) async throws
        -> RunningService {
        let host = try ServiceHost<Definition>(configuration: configuration, logger: logger,
                                               metrics: PrometheusCollectorRegistry(), clock: clock)
        let group = ServiceGroup(services: [Hosted(host: host)], gracefulShutdownSignals: [], logger: logger)
        let service = RunningService(host: host, baseURL: URL(string: "http://127.0.0.1:\(configuration.httpPort)")!,
                                     group: group, task: Task { try await group.run() })
        do {
            try await service.waitUntilAnswering("readyz", Definition.name)
        } catch {
            await service.stop()
            throw error
        }
        return service
    }

    /// Stops it as SIGTERM would: HTTP stops taking requests, the consumer finishes the
    /// messages in hand and the relay flushes the outbox. Stopping twice is harmless.
    public func stop() async {
        await group.triggerGracefulShutdown()
        _ = await task.result
    }

    /// The host as a part of the group that ``stop()`` shuts down gracefully: the host's own
    /// group follows the graceful shutdown of the group it runs in.
    private struct Hosted: Service {
        let host: ServiceHost<Definition>

        func run() async throws {
            try await host.run(shutdownSignals: [])
        }
    }
}
