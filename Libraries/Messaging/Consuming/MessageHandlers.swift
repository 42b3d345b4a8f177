import Foundation
import GRDB

/// What a service consumes, by routing key: the handlers, and from them the
/// queue bindings (so a handler can never exist without its binding, nor a
/// binding without its handler). Events and commands go to the inbox, look-ups
/// to a queue of their own (``ServiceTopology``).
public struct MessageHandlers: Sendable {
    /// Changes state. Runs inside the transaction that records the message in
    /// the inbox; messages it causes go to the outbox in the same transaction.
    public typealias Handler = @Sendable (IncomingMessage, Database) throws -> Void
    /// Answers a look-up from a read-only snapshot; the returned bytes are the reply body.
    public typealias QueryHandler = @Sendable (IncomingMessage, Database) throws -> Data

    /// What names the branch a message belongs to, for a service split into shards.
    public typealias OwnerKey = @Sendable (IncomingMessage) throws -> String?

    private var changes: [String: Handler] = [:]
    private var queries: [String: QueryHandler] = [:]
    /// The events handled, by routing key, and the commands.
    private var events: [String] = []
    private var commands: [String] = []
    /// The look-up queue's bindings: the look-ups answered.
    public private(set) var lookupBindings: [Binding] = []
    /// Per routing key, where its owner key is when it is not the envelope's `correlation_id`.
    private var ownerKeys: [String: OwnerKey] = [:]
    /// Whether this instance owns an owner key; nil when the service is not sharded.
    private var owns: (@Sendable (String) -> Bool)?
    /// The provincial power companies whose events this instance binds; nil for every company.
    private var companies: Set<String>?

    public init() {}

    /// Restricts this instance to the messages whose owner key `owns` accepts: one shard of a
    /// service split by branch. Its inbox binds only the events of `companies` (nil: of every
    /// company, for a shard whose branches a company code cannot name), so the broker keeps the
    /// other companies' events from it (``CompanyRouting``). A message it still receives and does
    /// not own is acknowledged without being handled (a change) or answered (a look-up, which
    /// every shard receives), since another shard takes it from its own queue.
    public mutating func restrict(to owns: @escaping @Sendable (String) -> Bool, companies: Set<String>?) {
        self.owns = owns
        self.companies = companies
    }

    /// The inbox's bindings: the events handled, of every provincial power company or of this
    /// shard's, and the commands.
    public var bindings: [Binding] {
        let eventKeys = events.flatMap { key in
            companies.map { CompanyRouting.bindingKeys(key, companies: $0) } ?? [CompanyRouting.everyCompany(key)]
        }
        return eventKeys.map { Binding(exchange: Exchange.events, routingKey: $0) }
            + commands.map { Binding(exchange: Exchange.commands, routingKey: $0) }
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

    /// Handles the domain event `routingKey` from `evn.events`, whatever provincial power company its
    /// AMQP routing key names (wildcards are not allowed: one key, one handler).
    public mutating func onEvent(_ routingKey: String, _ handler: @escaping Handler) {
        addChange(routingKey, handler)
        events.append(routingKey)
    }

    /// Handles the command `routingKey` sent to this service on `evn.commands`.
    public mutating func onCommand(_ routingKey: String, _ handler: @escaping Handler) {
        addChange(routingKey, handler)
        commands.append(routingKey)
    }

    /// Answers the look-up `routingKey` (request/reply) sent on `evn.commands`; `owner` finds
    /// the owner key in the query when the service is sharded (a reply's `correlation_id` is
    /// the caller's, not the flow's).
    public mutating func onQuery(_ routingKey: String, owner: OwnerKey? = nil, _ handler: @escaping QueryHandler) {
        precondition(!handles(routingKey), "two handlers for \(routingKey)")
        queries[routingKey] = handler
        lookupBindings.append(Binding(exchange: Exchange.commands, routingKey: routingKey))
        ownerKeys[routingKey] = owner
    }

    /// The handler of the event or command `routingKey`.
    func change(for routingKey: String) -> Handler? {
        changes[routingKey]
    }

    /// The handler of the look-up `routingKey`.
    func query(for routingKey: String) -> QueryHandler? {
        queries[routingKey]
    }

    private func handles(_ routingKey: String) -> Bool {
        changes[routingKey] != nil || queries[routingKey] != nil
    }

    private mutating func addChange(_ routingKey: String, _ handler: @escaping Handler) {
        precondition(!handles(routingKey), "two handlers for \(routingKey)")
        changes[routingKey] = handler
    }
}
