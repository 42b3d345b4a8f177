import GRDB

/// What a service consumes, by routing key: the handlers, and from them the
/// queue bindings (so a handler can never exist without its binding, nor a
/// binding without its handler).
public struct MessageHandlers: Sendable {
    /// Changes state. Runs inside the transaction that records the message in
    /// the inbox; messages it causes go to the outbox in the same transaction.
    public typealias Handler = @Sendable (IncomingMessage, Database) throws -> Void
    /// Answers a look-up from a read-only snapshot; the returned bytes are the reply body.
    public typealias QueryHandler = @Sendable (IncomingMessage, Database) throws -> Data

    enum Route: Sendable {
        case change(Handler)
        case query(QueryHandler)
    }

    private(set) var routes: [String: Route] = [:]
    public private(set) var bindings: [Binding] = []

    public init() {}

    /// Handles the domain event `routingKey` from `evn.events` (wildcards allowed in the binding are not: one key, one handler).
    public mutating func onEvent(_ routingKey: String, _ handler: @escaping Handler) {
        add(routingKey, exchange: Exchange.events, .change(handler))
    }

    /// Handles the command `routingKey` sent to this service on `evn.commands`.
    public mutating func onCommand(_ routingKey: String, _ handler: @escaping Handler) {
        add(routingKey, exchange: Exchange.commands, .change(handler))
    }

    /// Answers the look-up `routingKey` (request/reply) sent on `evn.commands`.
    public mutating func onQuery(_ routingKey: String, _ handler: @escaping QueryHandler) {
        add(routingKey, exchange: Exchange.commands, .query(handler))
    }

    func route(for routingKey: String) -> Route? {
        routes[routingKey]
    }

    private mutating func add(_ routingKey: String, exchange: String, _ route: Route) {
        precondition(routes[routingKey] == nil, "two handlers for \(routingKey)")
        routes[routingKey] = route
        bindings.append(Binding(exchange: exchange, routingKey: routingKey))
    }
}

import Foundation
