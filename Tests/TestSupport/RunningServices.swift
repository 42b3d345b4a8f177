import Logging
import ServiceLifecycle

/// Runs a test's services (relay, consumers…) in the background and stops them at the end.
public final class RunningServices: Sendable {
    private let task: Task<Void, any Error>

    public init(_ services: [any Service], logger: Logger = Logger(label: "test")) {
        let group = ServiceGroup(services: services, gracefulShutdownSignals: [], logger: logger)
        task = Task { try await group.run() }
    }

    /// Cancels every service and waits for them to finish.
    public func stop() async {
        task.cancel()
        _ = await task.result
    }
}
