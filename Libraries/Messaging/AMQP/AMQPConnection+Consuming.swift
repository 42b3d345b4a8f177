import CAMQPShim

/// Receiving: a consumer's deliveries, their acknowledgement, and one-off gets.
extension AMQPConnection {
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
            throw AMQPError.server(reply.reply)
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
}
