import CAMQPShim
import Foundation

/// One blocking librabbitmq connection with one channel.
///
/// librabbitmq keeps a connection's socket, buffers and channel state in one
/// struct that must never be touched by two threads at once. This type is
/// therefore deliberately not `Sendable`: each owner (relay, consumer, RPC
/// client) creates it on its own dedicated thread and never lets it escape.
/// Heartbeats are only serviced inside calls that read or write frames, so an
/// owner that sits idle calls `serviceHeartbeats()` well within the interval, and
/// one that blocks elsewhere (on SQLite) does so inside `away(_:)`.
package final class AMQPConnection {
    /// How an outstanding publish with confirms ended.
    package enum ConfirmOutcome: Equatable {
        case confirmed
        case nacked
        case returned(String)
    }

    package let url: AMQPURL
    private let state: amqp_connection_state_t
    private let channel: amqp_channel_t = 1
    private var channelOpen = false
    private var connectionOpen = false
    private var confirmsEnabled = false
    private(set) var nextPublishSequence: UInt64 = 1
    /// Publishes the broker has not settled yet, by sequence number (confirm mode only).
    private var unsettled: [UInt64: String] = [:]
    private var outcomes: [UInt64: ConfirmOutcome] = [:]
    private var returnedMessageIds: [String: String] = [:]
    private var pacer: HeartbeatPacer?

    /// - Parameter caFile: for a TLS URL, the CAs to verify the broker against; nil for the system's.
    init(url: AMQPURL, name: String, heartbeatSeconds: Int, caFile: String? = nil, connectTimeout: Duration = .seconds(5)) throws {
        guard let state = amqp_new_connection() else {
            throw AMQPError.library(operation: "connect", code: -1, text: "out of memory")
        }
        // From here every stored property is set: a throw runs `deinit`, which destroys `state`.
        self.state = state
        self.url = url
        let socket = try Self.socket(for: url, caFile: caFile, state: state)
        let status = camqp_socket_open(socket, url.host, Int32(url.port), Int32(connectTimeout.milliseconds))
        guard status == AMQP_STATUS_OK.rawValue else {
            let detail = String(cString: amqp_error_string2(status))
            if url.tls, Self.isTLSFailure(status) {
                throw AMQPError.tlsRefused(host: url.host, port: url.port, detail: detail)
            }
            throw AMQPError.connectionRefused(host: url.host, port: url.port, detail: detail)
        }
        let reply = camqp_login(state, url.vhost, Int32(heartbeatSeconds), name, url.user, url.password)
        guard reply.reply_type == AMQP_RESPONSE_NORMAL else {
            throw Self.loginError(reply, url: url)
        }
        connectionOpen = true
        if heartbeatSeconds > 0 {
            pacer = HeartbeatPacer(state: state, heartbeatSeconds: heartbeatSeconds, name: name)
        }
        try openChannel()
    }

    /// A plain TCP socket, or for `amqps://` a TLS one that verifies the broker's certificate.
    private static func socket(for url: AMQPURL, caFile: String?, state: amqp_connection_state_t) throws -> OpaquePointer {
        guard url.tls else {
            guard let socket = amqp_tcp_socket_new(state) else {
                throw AMQPError.library(operation: "connect", code: -1, text: "cannot create a socket")
            }
            return socket
        }
        var status: Int32 = 0
        guard let socket = camqp_tls_socket_new(state, caFile, &status) else {
            let source = caFile.map { "the CA file \($0)" } ?? "the system's CAs"
            throw AMQPError.tlsRefused(host: url.host, port: url.port,
                                       detail: "cannot load \(source): \(String(cString: amqp_error_string2(status)))")
        }
        return socket
    }

    private static func isTLSFailure(_ status: Int32) -> Bool {
        (AMQP_STATUS_SSL_SET_ENGINE_FAILED.rawValue...AMQP_STATUS_SSL_ERROR.rawValue).contains(status)
    }

    deinit {
        pacer?.stop()
        if connectionOpen {
            _ = amqp_connection_close(state, AMQP_REPLY_SUCCESS)
        }
        amqp_destroy_connection(state)
    }

    /// Closes politely; a connection already dropped by the broker closes silently.
    package func close() {
        pacer?.stop()
        guard connectionOpen else { return }
        connectionOpen = false
        _ = amqp_connection_close(state, AMQP_REPLY_SUCCESS)
    }

    // MARK: Topology

    func declareExchange(_ name: String, type: String, durable: Bool = true) throws {
        try ensureChannel()
        let arena = CStringArena()
        amqp_exchange_declare(state, channel, arena.bytes(name), arena.bytes(type), 0, durable ? 1 : 0, 0, 0, amqp_empty_table)
        try checkReply("exchange.declare \(name)")
    }

    /// Declares a queue; returns how many messages it holds.
    @discardableResult
    func declareQueue(_ name: String, durable: Bool = true, exclusive: Bool = false, autoDelete: Bool = false,
                      arguments: [String: AMQPFieldValue] = [:]) throws -> Int {
        try ensureChannel()
        let arena = CStringArena()
        let ok = amqp_queue_declare(state, channel, arena.bytes(name), 0, durable ? 1 : 0, exclusive ? 1 : 0,
                                    autoDelete ? 1 : 0, arena.table(arguments))
        try checkReply("queue.declare \(name)")
        return Int(ok?.pointee.message_count ?? 0)
    }

    func bindQueue(_ queue: String, exchange: String, routingKey: String) throws {
        try ensureChannel()
        let arena = CStringArena()
        amqp_queue_bind(state, channel, arena.bytes(queue), arena.bytes(exchange), arena.bytes(routingKey), amqp_empty_table)
        try checkReply("queue.bind \(queue) to \(exchange) with \(routingKey)")
    }

    /// Removes a binding; removing one that does not exist is no error.
    func unbindQueue(_ queue: String, exchange: String, routingKey: String) throws {
        try ensureChannel()
        let arena = CStringArena()
        amqp_queue_unbind(state, channel, arena.bytes(queue), arena.bytes(exchange), arena.bytes(routingKey),
                          amqp_empty_table)
        try checkReply("queue.unbind \(queue) from \(exchange) with \(routingKey)")
    }

    func deleteQueue(_ name: String) throws {
        try ensureChannel()
        let arena = CStringArena()
        amqp_queue_delete(state, channel, arena.bytes(name), 0, 0)
        try checkReply("queue.delete \(name)")
    }

    // MARK: Publishing

    /// Puts the channel in confirm mode: every publish is then acknowledged by the broker.
    package func enableConfirms() throws {
        try ensureChannel()
        amqp_confirm_select(state, channel)
        try checkReply("confirm.select")
        confirmsEnabled = true
    }

    /// Writes one message to the socket; returns its confirm sequence number.
    ///
    /// Success only means the bytes left: in confirm mode, call
    /// `settle(upTo:timeout:)` to learn what the broker did with it.
    @discardableResult
    package func publish(exchange: String, routingKey: String, mandatory: Bool = false, message: AMQPMessage) throws -> UInt64 {
        try ensureChannel()
        let arena = CStringArena()
        var properties = arena.properties(of: message)
        let status = message.body.withUnsafeBytes { buffer in
            let body = amqp_bytes_t(len: buffer.count, bytes: UnsafeMutableRawPointer(mutating: buffer.baseAddress))
            return amqp_basic_publish(state, channel, arena.bytes(exchange), arena.bytes(routingKey),
                                      mandatory ? 1 : 0, 0, &properties, body)
        }
        guard status == AMQP_STATUS_OK.rawValue else {
            throw connectionLost("basic.publish", status)
        }
        let sequence = nextPublishSequence
        if confirmsEnabled {
            unsettled[sequence] = message.messageId ?? ""
            nextPublishSequence += 1
        }
        return sequence
    }

    /// Reads frames until every publish up to `sequence` is settled by the
    /// broker, then hands back (and forgets) their outcomes.
    package func settle(upTo sequence: UInt64, timeout: Duration) throws -> [UInt64: ConfirmOutcome] {
        let deadline = ContinuousClock.now + timeout
        while unsettled.keys.contains(where: { $0 <= sequence }) {
            let remaining = deadline - ContinuousClock.now
            guard remaining > .zero else { throw AMQPError.timeout(operation: "publisher confirms") }
            try readFrame(timeout: remaining)
        }
        let settled = outcomes.filter { $0.key <= sequence }
        settled.keys.forEach { outcomes[$0] = nil }
        return settled
    }

    // MARK: Consuming

    func setPrefetch(_ count: Int) throws {
        try ensureChannel()
        amqp_basic_qos(state, channel, 0, UInt16(clamping: count), 0)
        try checkReply("basic.qos")
    }

    /// Starts a consumer on `queue`; with `autoAck` the broker forgets a message as soon as it is sent.
    func consume(queue: String, autoAck: Bool = false) throws {
        try ensureChannel()
        let arena = CStringArena()
        amqp_basic_consume(state, channel, arena.bytes(queue), amqp_empty_bytes, 0, autoAck ? 1 : 0, 0, amqp_empty_table)
        try checkReply("basic.consume \(queue)")
    }

    /// The next delivery, or nil when none came within `timeout` (heartbeats are serviced meanwhile).
    func nextDelivery(timeout: Duration) throws -> AMQPDelivery? {
        amqp_maybe_release_buffers(state)
        var envelope = amqp_envelope_t()
        let reply = camqp_consume_message(state, &envelope, Int32(timeout.milliseconds))
        switch reply.reply_type {
        case AMQP_RESPONSE_NORMAL:
            defer { amqp_destroy_envelope(&envelope) }
            return AMQPDelivery(
                deliveryTag: envelope.delivery_tag,
                redelivered: envelope.redelivered != 0,
                exchange: String(amqp: envelope.exchange),
                routingKey: String(amqp: envelope.routing_key),
                message: AMQPMessage(envelope.message.properties, body: envelope.message.body)
            )
        case AMQP_RESPONSE_LIBRARY_EXCEPTION where reply.library_error == AMQP_STATUS_TIMEOUT.rawValue:
            return nil
        case AMQP_RESPONSE_LIBRARY_EXCEPTION where reply.library_error == AMQP_STATUS_UNEXPECTED_STATE.rawValue:
            try readFrame(timeout: .zero)
            return nil
        case AMQP_RESPONSE_LIBRARY_EXCEPTION:
            throw connectionLost("basic.consume", reply.library_error)
        default:
            throw serverError(reply.reply)
        }
    }

    func ack(_ deliveryTag: UInt64, multiple: Bool = false) throws {
        let status = amqp_basic_ack(state, channel, deliveryTag, multiple ? 1 : 0)
        guard status == AMQP_STATUS_OK.rawValue else { throw connectionLost("basic.ack", status) }
    }

    func reject(_ deliveryTag: UInt64, requeue: Bool) throws {
        let status = amqp_basic_reject(state, channel, deliveryTag, requeue ? 1 : 0)
        guard status == AMQP_STATUS_OK.rawValue else { throw connectionLost("basic.reject", status) }
    }

    /// Takes one message from `queue` without a consumer (unacknowledged until acked or rejected).
    func get(queue: String) throws -> AMQPDelivery? {
        try ensureChannel()
        amqp_maybe_release_buffers(state)
        let arena = CStringArena()
        let reply = amqp_basic_get(state, channel, arena.bytes(queue), 0)
        try check(reply, "basic.get \(queue)")
        guard reply.reply.id == CAMQP_BASIC_GET_OK, let decoded = reply.reply.decoded else { return nil }
        let ok = decoded.assumingMemoryBound(to: amqp_basic_get_ok_t.self).pointee
        var message = amqp_message_t()
        let read = amqp_read_message(state, channel, &message, 0)
        try check(read, "basic.get \(queue) content")
        defer { amqp_destroy_message(&message) }
        return AMQPDelivery(
            deliveryTag: ok.delivery_tag,
            redelivered: ok.redelivered != 0,
            exchange: String(amqp: ok.exchange),
            routingKey: String(amqp: ok.routing_key),
            message: AMQPMessage(message.properties, body: message.body)
        )
    }

    /// Mandatory messages the broker returned as unroutable since the last call, by message id,
    /// for owners that publish without confirms (request/reply).
    func takeReturned() -> [String: String] {
        defer { returnedMessageIds.removeAll() }
        return returnedMessageIds
    }

    /// Lets librabbitmq send and check heartbeats while the owner has nothing else to do.
    func serviceHeartbeats() throws {
        try readFrame(timeout: .zero)
    }

    /// Runs `body` — work that blocks without using this connection, such as a store
    /// transaction that may wait out SQLite's busy timeout — with heartbeats sent meanwhile,
    /// so that the broker does not drop the connection as dead.
    func away<T>(_ body: () throws -> T) rethrows -> T {
        guard let pacer else { return try body() }
        return try pacer.away(body)
    }

    /// Leaves the connection idle until `resume()`, with heartbeats sent meanwhile: for an owner
    /// that keeps a connection between calls and has no thread waiting on it.
    package func idle() {
        pacer?.leave()
    }

    /// Takes an idle connection back before using it.
    package func resume() {
        pacer?.back()
    }

    // MARK: Frames

    /// Reads one frame (or times out) and applies it: confirms, returns, closes.
    private func readFrame(timeout: Duration) throws {
        var frame = amqp_frame_t()
        let status = camqp_wait_frame(state, &frame, Int32(timeout.milliseconds))
        if status == AMQP_STATUS_TIMEOUT.rawValue { return }
        guard status == AMQP_STATUS_OK.rawValue else { throw connectionLost("read frame", status) }
        guard frame.frame_type == UInt8(AMQP_FRAME_METHOD) else { return }
        let method = frame.payload.method
        switch method.id {
        case CAMQP_BASIC_ACK:
            let ack = method.decoded.assumingMemoryBound(to: amqp_basic_ack_t.self).pointee
            settle(ack.delivery_tag, multiple: ack.multiple != 0, as: .confirmed)
        case CAMQP_BASIC_NACK:
            let nack = method.decoded.assumingMemoryBound(to: amqp_basic_nack_t.self).pointee
            settle(nack.delivery_tag, multiple: nack.multiple != 0, as: .nacked)
        case CAMQP_BASIC_RETURN:
            let returned = method.decoded.assumingMemoryBound(to: amqp_basic_return_t.self).pointee
            let text = "\(returned.reply_code) \(String(amqp: returned.reply_text))"
            var message = amqp_message_t()
            try check(amqp_read_message(state, frame.channel, &message, 0), "basic.return content")
            let messageId = AMQPMessage(message.properties, body: amqp_empty_bytes).messageId ?? ""
            amqp_destroy_message(&message)
            returnedMessageIds[messageId] = text
        case CAMQP_CHANNEL_CLOSE:
            let close = method.decoded.assumingMemoryBound(to: amqp_channel_close_t.self).pointee
            _ = camqp_send_channel_close_ok(state, frame.channel)
            channelClosedByBroker()
            throw AMQPError.channelClosed(code: Int(close.reply_code), text: String(amqp: close.reply_text))
        case CAMQP_CONNECTION_CLOSE:
            let close = method.decoded.assumingMemoryBound(to: amqp_connection_close_t.self).pointee
            _ = camqp_send_connection_close_ok(state)
            connectionOpen = false
            throw AMQPError.connectionClosed(code: Int(close.reply_code), text: String(amqp: close.reply_text))
        case CAMQP_BASIC_CANCEL:
            throw AMQPError.channelClosed(code: 0, text: "the broker cancelled the consumer (queue deleted?)")
        default:
            return
        }
    }

    private func settle(_ tag: UInt64, multiple: Bool, as outcome: ConfirmOutcome) {
        let tags = multiple ? unsettled.keys.filter { $0 <= tag } : [tag]
        for sequence in tags {
            guard let messageId = unsettled.removeValue(forKey: sequence) else { continue }
            if outcome == .confirmed, let text = returnedMessageIds.removeValue(forKey: messageId) {
                outcomes[sequence] = .returned(text)
            } else {
                outcomes[sequence] = outcome
            }
        }
    }

    // MARK: Channel and errors

    private func openChannel() throws {
        amqp_channel_open(state, channel)
        try checkReply("channel.open")
        channelOpen = true
        if confirmsEnabled {
            confirmsEnabled = false
            try enableConfirms()
        }
    }

    /// Closes the channel and opens a fresh one, in confirm mode again if it was; only once
    /// every publish on it is settled (a late confirm must not be read as the new channel's).
    ///
    /// The broker keeps per-channel state about each queue the channel publishes to. After a
    /// node dies, a channel whose first publish to a quorum queue came while the queue still
    /// named the dead node as its leader keeps asking that node, and every publish on it is
    /// nacked until the node returns; a new channel starts from the queue's current leader.
    func renewChannel() throws {
        guard channelOpen, unsettled.isEmpty else { return }
        try check(amqp_channel_close(state, channel, AMQP_REPLY_SUCCESS), "channel.close")
        channelOpen = false
        nextPublishSequence = 1
        returnedMessageIds.removeAll()
        try openChannel()
    }

    /// After the broker closed the channel (a 404 on publish, say) the next call reopens it.
    private func ensureChannel() throws {
        guard connectionOpen else { throw AMQPError.connectionClosed(code: 0, text: "connection already closed") }
        if !channelOpen { try openChannel() }
    }

    private func channelClosedByBroker() {
        channelOpen = false
        for sequence in unsettled.keys { outcomes[sequence] = .nacked }
        unsettled.removeAll()
        nextPublishSequence = 1
        returnedMessageIds.removeAll()
    }

    private func checkReply(_ operation: String) throws {
        try check(amqp_get_rpc_reply(state), operation)
    }

    private func check(_ reply: amqp_rpc_reply_t, _ operation: String) throws {
        switch reply.reply_type {
        case AMQP_RESPONSE_NORMAL:
            return
        case AMQP_RESPONSE_LIBRARY_EXCEPTION:
            throw connectionLost(operation, reply.library_error)
        default:
            let error = serverError(reply.reply)
            if case .channelClosed = error {
                _ = camqp_send_channel_close_ok(state, channel)
                channelClosedByBroker()
            } else if case .connectionClosed = error {
                _ = camqp_send_connection_close_ok(state)
                connectionOpen = false
            }
            throw error
        }
    }

    private func connectionLost(_ operation: String, _ status: Int32) -> AMQPError {
        connectionOpen = false
        return .library(operation: operation, code: status, text: String(cString: amqp_error_string2(status)))
    }

    private func serverError(_ method: amqp_method_t) -> AMQPError {
        switch method.id {
        case CAMQP_CONNECTION_CLOSE:
            let close = method.decoded.assumingMemoryBound(to: amqp_connection_close_t.self).pointee
            return .connectionClosed(code: Int(close.reply_code), text: String(amqp: close.reply_text))
        case CAMQP_CHANNEL_CLOSE:
            let close = method.decoded.assumingMemoryBound(to: amqp_channel_close_t.self).pointee
            return .channelClosed(code: Int(close.reply_code), text: String(amqp: close.reply_text))
        default:
            return .library(operation: "server method \(method.id)", code: -1, text: "unexpected method")
        }
    }

    private static func loginError(_ reply: amqp_rpc_reply_t, url: AMQPURL) -> AMQPError {
        if reply.reply_type == AMQP_RESPONSE_SERVER_EXCEPTION, reply.reply.id == CAMQP_CONNECTION_CLOSE {
            let close = reply.reply.decoded.assumingMemoryBound(to: amqp_connection_close_t.self).pointee
            let text = String(amqp: close.reply_text)
            switch close.reply_code {
            case 403 where text.contains("Login was refused"): return .authenticationFailed(user: url.user)
            case 530 where text.contains("not found"): return .vhostNotFound(url.vhost)
            case 530, 403: return .accessRefused(text)
            default: return .connectionClosed(code: Int(close.reply_code), text: text)
            }
        }
        if reply.reply_type == AMQP_RESPONSE_LIBRARY_EXCEPTION {
            return .library(operation: "login", code: reply.library_error,
                            text: String(cString: amqp_error_string2(reply.library_error)))
        }
        return .library(operation: "login", code: -1, text: "unexpected login reply")
    }
}

extension Duration {
    /// Whole milliseconds, rounded up so that a short positive wait never becomes a busy poll.
    var milliseconds: Int {
        let (seconds, attoseconds) = components
        return Int(seconds) * 1000 + Int((attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000)
    }
}
