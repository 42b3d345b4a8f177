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

    /// What names the branch a message belongs to, for a service split into shards.
    public typealias OwnerKey = @Sendable (IncomingMessage) throws -> String?

    private(set) var routes: [String: Route] = [:]
    public private(set) var bindings: [Binding] = []
    /// Per routing key, where its owner key is when it is not the envelope's `correlation_id`.
    private var ownerKeys: [String: OwnerKey] = [:]
    /// Whether this instance owns an owner key; nil when the service is not sharded.
    private var owns: (@Sendable (String) -> Bool)?

    public init() {}

    /// Restricts this instance to the messages whose owner key `owns` accepts: one shard of a
    /// service split by branch. The others are acknowledged without being handled (a change)
    /// or answered (a look-up), since another shard takes them from its own queue.
    public mutating func restrict(to owns: @escaping @Sendable (String) -> Bool) {
        self.owns = owns
    }

    /// Whether this instance handles `message`: always when not sharded; otherwise when its
    /// owner key (the route's, else the `correlation_id`, which flows name after the request
    /// code or customer code, both starting with the branch code) is this shard's. A message
    /// with no owner key belongs to no shard.
    func owns(_ message: IncomingMessage) -> Bool {
        guard let owns else { return true }
        let key: String? = if let ownerKey = ownerKeys[message.envelope.routingKey] {
            try? ownerKey(message)
        } else {
            message.envelope.correlationId
        }
        return key.map(owns) ?? false
    }

    /// Handles the domain event `routingKey` from `evn.events` (wildcards allowed in the binding are not: one key, one handler).
    public mutating func onEvent(_ routingKey: String, _ handler: @escaping Handler) {
        add(routingKey, exchange: Exchange.events, .change(handler))
    }

    /// Handles the command `routingKey` sent to this service on `evn.commands`.
    public mutating func onCommand(_ routingKey: String, _ handler: @escaping Handler) {
        add(routingKey, exchange: Exchange.commands, .change(handler))
    }

    /// Answers the look-up `routingKey` (request/reply) sent on `evn.commands`; `owner` finds
    /// the owner key in the query when the service is sharded (a reply's `correlation_id` is
    /// the caller's, not the flow's).
    public mutating func onQuery(_ routingKey: String, owner: OwnerKey? = nil, _ handler: @escaping QueryHandler) {
        add(routingKey, exchange: Exchange.commands, .query(handler))
        ownerKeys[routingKey] = owner
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
