import Logging
import ServiceLifecycle

/// Keeps one connection alive for a blocking owner: connects, runs the
/// owner's setup (topology, consumers), reports the connection ready, runs the
/// owner's session, and on any failure closes, waits with back-off and starts
/// again, until the stop signal is raised.
///
/// Ready means set up, not merely connected: a consumer whose queue is not
/// bound yet would lose the events published meanwhile. A session returns
/// when it has finished its work after a stop request; it throws when the
/// connection failed. Everything committed stays in SQLite
/// while the broker is away, so a session simply resumes from the store.
struct ConnectionSupervisor {
    let broker: BrokerSettings
    let stop: ThreadSignal
    let health: BrokerHealth
    let logger: Logger

    func run(setup: (AMQPConnection) throws -> Void, session: (AMQPConnection) throws -> Void) {
        var machine = ConnectionStateMachine(backoff: broker.reconnect)
        var connection: AMQPConnection?
        var lastNode: AMQPURL?
        health.update(broker.connectionName, connected: false)
        while true {
            switch machine.nextAction {
            case .connect:
                if stop.isRaised { machine.stop(); continue }
                do {
                    let opened = try broker.connect()
                    connection = opened
                    try setup(opened)
                    machine.connected()
                    health.update(broker.connectionName, connected: true)
                    if let lastNode, lastNode != opened.url {
                        logger.warning("moved to another broker node", metadata: [
                            "broker": "\(opened.url)", "from": "\(lastNode)", "connection": "\(broker.connectionName)",
                        ])
                    } else {
                        logger.info("connected to the broker", metadata: ["broker": "\(opened.url)", "connection": "\(broker.connectionName)"])
                    }
                    lastNode = opened.url
                } catch {
                    logger.warning("cannot reach the broker", metadata: ["broker": "\(broker.nodes)", "error": "\(error)"])
                    connection?.close()
                    connection = nil
                    machine.failed()
                }
            case .runSession:
                do {
                    try session(connection!)
                    machine.stop()
                } catch {
                    health.update(broker.connectionName, connected: false)
                    logger.warning("broker connection lost", metadata: ["broker": "\(connection!.url)", "error": "\(error)"])
                    broker.nodes.failed(connection!.url)
                    connection?.close()
                    connection = nil
                    machine.failed()
                }
            case let .wait(delay):
                if stop.wait(timeout: delay) { machine.stop() } else { machine.waited() }
            case .finish:
                connection?.close()
                health.update(broker.connectionName, connected: false)
                return
            }
        }
    }
}

extension ConnectionSupervisor {
    /// Runs the supervisor on a thread of its own until the service group's
    /// graceful shutdown or a cancellation raises `stop` (and wakes whatever
    /// else the owner sleeps on), then returns once the session has finished.
    func runOnDedicatedThread(
        waking others: [ThreadSignal] = [],
        setup: @escaping @Sendable (AMQPConnection) throws -> Void,
        session: @escaping @Sendable (AMQPConnection) throws -> Void
    ) async throws {
        let stop = self.stop
        let requestStop: @Sendable () -> Void = {
            stop.raise()
            others.forEach { $0.raise() }
        }
        try await withGracefulShutdownHandler {
            try await withTaskCancellationHandler {
                try await DedicatedThread.run(name: broker.connectionName) {
                    self.run(setup: setup, session: session)
                }
            } onCancel: {
                requestStop()
            }
        } onGracefulShutdown: {
            requestStop()
        }
    }
}

extension ConnectionSupervisor {
    /// Runs a consumer of `queue` on a thread of its own: after every (re)connect `declare`
    /// declares the queue and its bindings, the prefetch is set and consuming starts; then
    /// `session` takes the deliveries until stopped.
    func consume(
        _ queue: String, prefetch: Int,
        declare: @escaping @Sendable (AMQPConnection) throws -> Void,
        session: @escaping @Sendable (AMQPConnection) throws -> Void
    ) async throws {
        try await runOnDedicatedThread { connection in
            try declare(connection)
            try connection.setPrefetch(prefetch)
            try connection.consume(queue: queue)
        } session: { connection in
            try session(connection)
        }
    }
}
