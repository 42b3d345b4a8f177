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
    /// Not private so that the topology and consuming extensions can hand them to librabbitmq;
    /// the bookkeeping below (channel, confirms, returns, heartbeats) stays with this file.
    let state: amqp_connection_state_t
    let channel: amqp_channel_t = 1
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
            throw AMQPError.login(reply, url: url)
        }
        connectionOpen = true
        if heartbeatSeconds > 0 {
            pacer = HeartbeatPacer(state: state, heartbeatSeconds: heartbeatSeconds, name: name)
        }
        try openChannel()
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

    // MARK: Returns and heartbeats

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
    func readFrame(timeout: Duration) throws {
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
    func ensureChannel() throws {
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

    func checkReply(_ operation: String) throws {
        try check(amqp_get_rpc_reply(state), operation)
    }

    func check(_ reply: amqp_rpc_reply_t, _ operation: String) throws {
        switch reply.reply_type {
        case AMQP_RESPONSE_NORMAL:
            return
        case AMQP_RESPONSE_LIBRARY_EXCEPTION:
            throw connectionLost(operation, reply.library_error)
        default:
            let error = AMQPError.server(reply.reply)
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

    func connectionLost(_ operation: String, _ status: Int32) -> AMQPError {
        connectionOpen = false
        return .library(operation: operation, code: status, text: String(cString: amqp_error_string2(status)))
    }

}
