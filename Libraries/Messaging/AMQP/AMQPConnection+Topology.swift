import CAMQPShim

/// Declaring and removing the exchanges, queues and bindings a service needs.
extension AMQPConnection {
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
}
