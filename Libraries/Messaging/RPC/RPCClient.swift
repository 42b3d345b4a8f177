import Foundation
import Logging
import ServiceLifecycle
import Synchronization

/// Why a look-up got no answer.
public enum RPCError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Nobody answered within the timeout.
    case timeout(routingKey: String)
    /// No service consumes this look-up: the broker returned the request.
    case noResponder(routingKey: String)
    /// The answering service failed and said why.
    case remote(String)

    public var description: String {
        switch self {
        case let .timeout(key): "no answer to \(key) in time"
        case let .noResponder(key): "no service answers \(key)"
        case let .remote(reason): "the look-up failed: \(reason)"
        }
    }
}

/// Request/reply look-ups over AMQP: a request goes to `evn.commands` with
/// `reply_to` and a fresh `correlation_id`; the answer comes back on
/// RabbitMQ's direct reply-to pseudo-queue, matched by `correlation_id`.
///
/// Look-ups need no durability (an unanswered one is simply asked again), so
/// they skip the outbox and confirms and are published as mandatory: a
/// look-up nobody consumes fails at once instead of waiting for its timeout.
/// Run it as a `Service`; requests made while the broker is away wait for the
/// connection until their timeout.
public final class RPCClient: Service, Sendable {
    static let errorHeader = "x-error"
    private static let replyQueue = "amq.rabbitmq.reply-to"

    private struct Call {
        var routingKey: String
        var continuation: CheckedContinuation<Data, any Error>
        /// Fails the call at its timeout; cancelled when the call ends sooner, so that a
        /// burst of look-ups does not leave a sleeping task behind each answer.
        var deadline: Task<Void, Never>
    }

    private struct Request {
        var routingKey: String
        var message: AMQPMessage
    }

    private struct State {
        var calls: [String: Call] = [:]
        var outgoing: [Request] = []
    }

    private let broker: BrokerSettings
    private let appId: String
    private let health: BrokerHealth
    private let logger: Logger
    private let state = Mutex(State())
    private let wake = ThreadSignal(autoReset: true)
    private let stop = ThreadSignal(autoReset: false)

    public init(broker: BrokerSettings, appId: String, health: BrokerHealth, logger: Logger) {
        self.broker = broker
        self.appId = appId
        self.health = health
        self.logger = logger
    }

    /// Asks the service that answers `routingKey` and waits for its reply body.
    public func request(_ routingKey: String, body: Data, timeout: Duration = .seconds(5)) async throws -> Data {
        let envelope = Envelope(routingKey: routingKey, appId: appId, replyTo: Self.replyQueue, body: body)
        let id = envelope.messageId
        var message = AMQPMessage(envelope)
        message.correlationId = id
        message.persistent = false
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let deadline = Task { [weak self] in
                    guard (try? await Task.sleep(for: timeout)) != nil else { return }
                    self?.finish(id, with: .failure(RPCError.timeout(routingKey: routingKey)))
                }
                state.withLock {
                    $0.calls[id] = Call(routingKey: routingKey, continuation: continuation, deadline: deadline)
                    $0.outgoing.append(Request(routingKey: routingKey, message: message))
                }
                wake.raise()
            }
        } onCancel: {
            finish(id, with: .failure(CancellationError()))
        }
    }

    public func run() async throws {
        try await ConnectionSupervisor(broker: broker, stop: stop, health: health, logger: logger)
            .runOnDedicatedThread(waking: [wake]) { connection in
                try Exchange.declareAll(on: connection)
                try connection.consume(queue: Self.replyQueue, autoAck: true)
            } session: { [self] connection in
                try session(on: connection)
            }
    }

    private func session(on connection: AMQPConnection) throws {
        while !stop.isRaised {
            try publishOutgoing(on: connection)
            for (id, text) in connection.takeReturned() {
                let key = state.withLock { $0.calls[id]?.routingKey } ?? text
                finish(id, with: .failure(RPCError.noResponder(routingKey: key)))
            }
            if state.withLock({ !$0.calls.isEmpty }) {
                if let delivery = try connection.nextDelivery(timeout: .milliseconds(5)) { receive(delivery.message) }
            } else if !wake.wait(timeout: broker.idleSlice) {
                try connection.serviceHeartbeats()
            }
        }
    }

    private func publishOutgoing(on connection: AMQPConnection) throws {
        var batch = state.withLock { state in
            defer { state.outgoing.removeAll() }
            return state.outgoing
        }
        while let request = batch.first {
            do {
                try connection.publish(exchange: Exchange.commands, routingKey: request.routingKey, mandatory: true,
                                       message: request.message)
                batch.removeFirst()
            } catch {
                state.withLock { $0.outgoing.insert(contentsOf: batch, at: 0) }
                throw error
            }
        }
    }

    private func receive(_ reply: AMQPMessage) {
        guard let id = reply.correlationId else { return }
        if let failure = reply.headers[Self.errorHeader]?.stringValue {
            finish(id, with: .failure(RPCError.remote(failure)))
        } else {
            finish(id, with: .success(reply.body))
        }
    }

    private func finish(_ id: String, with result: Result<Data, any Error>) {
        let call = state.withLock { state in
            state.outgoing.removeAll { $0.message.messageId == id && result.isFailure }
            return state.calls.removeValue(forKey: id)
        }
        call?.deadline.cancel()
        call?.continuation.resume(with: result)
    }
}

private extension Result {
    var isFailure: Bool {
        if case .failure = self { true } else { false }
    }
}
