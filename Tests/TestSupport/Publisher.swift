import Foundation
import Messaging

/// Publishes messages directly, with publisher confirms, and tells the caller
/// exactly what the broker did: returns only when every message was
/// confirmed; throws when one was nacked, unroutable (if mandatory), or the
/// connection failed. Nothing is ever dropped silently.
///
/// Tests play another service with it, or put on the wire what no service would send.
/// Services never publish directly: their messages go through the `Outbox`, so that a
/// change and its messages commit together. The connection is opened on first use,
/// kept alive by its heartbeats while idle between calls, and re-opened after
/// a failure.
public actor Publisher {
    private let executor: ThreadExecutor
    private let broker: BrokerSettings
    private var connection: AMQPConnection?

    public nonisolated var unownedExecutor: UnownedSerialExecutor {
        executor.asUnownedSerialExecutor()
    }

    public init(broker: BrokerSettings) {
        self.broker = broker
        self.executor = ThreadExecutor(name: broker.connectionName)
    }

    /// Publishes `messages` in order and waits for the broker's confirms.
    public func publish(_ messages: [OutgoingMessage], timeout: Duration = .seconds(30)) throws {
        let connection = try openConnection()
        connection.resume()
        // Between calls nobody reads the connection: idle, it still sends its heartbeats.
        defer { connection.idle() }
        do {
            var sequences: [(UInt64, String)] = []
            for message in messages {
                let sequence = try connection.publish(exchange: message.exchange, routingKey: message.routingKey,
                                                      mandatory: message.mandatory, message: message.amqpMessage)
                sequences.append((sequence, message.envelope.messageId))
            }
            guard let last = sequences.last else { return }
            let outcomes = try connection.settle(upTo: last.0, timeout: timeout)
            for (sequence, messageId) in sequences {
                switch outcomes[sequence] {
                case .confirmed: continue
                case let .returned(text): throw AMQPError.unroutable(messageId: messageId, text: text)
                default: throw AMQPError.nacked(messageId: messageId)
                }
            }
        } catch let error as AMQPError where error.closesConnection {
            if case .channelClosed = error {} else {
                broker.nodes.failed(connection.url)
                self.connection = nil
            }
            throw error
        }
    }

    /// Publishes one message; see `publish(_:timeout:)`.
    public func publish(_ message: OutgoingMessage, timeout: Duration = .seconds(30)) throws {
        try publish([message], timeout: timeout)
    }

    deinit {
        executor.stop()
    }

    public func close() {
        connection?.close()
        connection = nil
    }

    private func openConnection() throws -> AMQPConnection {
        if let connection { return connection }
        let opened = try broker.connect()
        try Exchange.declareAll(on: opened)
        try opened.enableConfirms()
        connection = opened
        return opened
    }
}
