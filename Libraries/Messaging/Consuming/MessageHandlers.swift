import Contracts
import Foundation
import GRDB

/// What a service consumes, by contract: the handlers, and from them the queue bindings (so a
/// handler can never exist without its binding, nor a binding without its handler). The
/// contract type says everything else: its routing key, whether it is an event (from
/// `evn.events`, of every provincial power company) or a command (from `evn.commands`), and
/// the body the handler receives, decoded once. Events and commands go to the inbox, look-ups
/// to a queue of their own (``ServiceTopology``).
///
/// ```swift
/// var handlers = MessageHandlers()
/// handlers.on(RequestSubmitted.self) { submitted, context in
///     try workflow.open(submitted, cause: context.envelope, in: context.db)
/// }
/// handlers.answer(RequestTimelineQuery.self, owner: \.requestCode) { query, db in
///     try RequestTimelineReader.timeline(of: query.requestCode, in: db)
/// }
/// ```
public struct MessageHandlers: Sendable {
    /// Changes state. Runs inside the transaction that records the message in the inbox;
    /// messages it causes go to the outbox in the same transaction.
    typealias Handler = @Sendable (MessageContext) throws -> Void
    /// Reads a look-up's body once: its owner key and how to answer it from a read-only snapshot.
    typealias QueryHandler = @Sendable (IncomingMessage) throws -> Lookup

    /// A look-up whose body was read: what names the branch it belongs to (nil when nothing
    /// does), and its answer, whose bytes are the reply body.
    struct Lookup: Sendable {
        var ownerKey: String?
        var answer: @Sendable (Database) throws -> Data
    }

    private var changes: [String: Handler] = [:]
    private var queries: [String: QueryHandler] = [:]
    /// The events handled, by routing key, and the commands.
    private var events: [String] = []
    private var commands: [String] = []
    /// The look-up queue's bindings: the look-ups answered.
    public private(set) var lookupBindings: [Binding] = []
    /// Whether this instance owns an owner key; nil when the service is not sharded.
    private var owns: (@Sendable (String) -> Bool)?
    /// The provincial power companies whose events this instance binds; nil for every company.
    private var companies: Set<String>?

    public init() {}

    /// Handles the event or command `contract`: its body, decoded, and the context it is
    /// handled in. An event is taken from `evn.events` whatever provincial power company its
    /// AMQP routing key names; a command from `evn.commands`. One contract, one handler.
    public mutating func on<Message: MessageContract>(
        _ contract: Message.Type, _ handle: @escaping @Sendable (Message, MessageContext) throws -> Void
    ) {
        let handler: Handler = { context in try handle(context.message.decode(Message.self), context) }
        switch Message.kind {
        case .event: addEvent(Message.routingKey, handler)
        case .command: addCommand(Message.routingKey, handler)
        case .query: preconditionFailure("\(Message.routingKey) is a look-up: answer it with answer(_:owner:_:)")
        }
    }

    /// Answers the look-up `query` (request/reply on `evn.commands`) from a read-only snapshot.
    /// `owner` names the branch the query belongs to when the service is sharded (a reply's
    /// `correlation_id` is the caller's, not the flow's).
    public mutating func answer<Query: QueryContract>(
        _ query: Query.Type, owner: (@Sendable (Query) -> String?)? = nil,
        _ answer: @escaping @Sendable (Query, Database) throws -> Query.Reply
    ) {
        addQuery(Query.routingKey) { message in
            let query = try message.decode(Query.self)
            return Lookup(ownerKey: owner?(query), answer: { db in try Envelope.encode(answer(query, db)) })
        }
    }

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

    /// Whether this instance is one shard of a service split by branch.
    var isSharded: Bool { owns != nil }

    /// Whether this instance handles the event or command `message`: always when not sharded;
    /// otherwise when its `correlation_id` (which flows name after the request code or customer
    /// code, both starting with the branch code) is this shard's owner key.
    func owns(_ message: IncomingMessage) -> Bool {
        owns(key: message.envelope.correlationId)
    }

    /// Whether this instance answers `lookup`: always when not sharded; otherwise when the owner
    /// key its query names is this shard's.
    func owns(_ lookup: Lookup) -> Bool {
        owns(key: lookup.ownerKey)
    }

    /// A message with no owner key belongs to no shard.
    private func owns(key: String?) -> Bool {
        guard let owns else { return true }
        return key.map(owns) ?? false
    }

    /// Handles the domain event `routingKey`, whatever body it carries: for the messaging
    /// library's own tests of routing, which need no contract.
    mutating func onEvent(_ routingKey: String, _ handler: @escaping @Sendable (IncomingMessage, Database) throws -> Void) {
        addEvent(routingKey) { context in try handler(context.message, context.db) }
    }

    /// Handles the command `routingKey`, whatever body it carries (see ``onEvent(_:_:)``).
    mutating func onCommand(_ routingKey: String, _ handler: @escaping @Sendable (IncomingMessage, Database) throws -> Void) {
        addCommand(routingKey) { context in try handler(context.message, context.db) }
    }

    /// Answers the look-up `routingKey`, whatever body it carries (see ``onEvent(_:_:)``).
    mutating func onQuery(_ routingKey: String, _ handler: @escaping @Sendable (IncomingMessage, Database) throws -> Data) {
        addQuery(routingKey) { message in Lookup(ownerKey: nil, answer: { db in try handler(message, db) }) }
    }

    /// The handler of the event or command `routingKey`.
    func change(for routingKey: String) -> Handler? {
        changes[routingKey]
    }

    /// The handler of the look-up `routingKey`.
    func query(for routingKey: String) -> QueryHandler? {
        queries[routingKey]
    }

    private mutating func addEvent(_ routingKey: String, _ handler: @escaping Handler) {
        addChange(routingKey, handler)
        events.append(routingKey)
    }

    private mutating func addCommand(_ routingKey: String, _ handler: @escaping Handler) {
        addChange(routingKey, handler)
        commands.append(routingKey)
    }

    private mutating func addQuery(_ routingKey: String, _ handler: @escaping QueryHandler) {
        precondition(!handles(routingKey), "two handlers for \(routingKey)")
        queries[routingKey] = handler
        lookupBindings.append(Binding(exchange: Exchange.commands, routingKey: routingKey))
    }

    private func handles(_ routingKey: String) -> Bool {
        changes[routingKey] != nil || queries[routingKey] != nil
    }

    private mutating func addChange(_ routingKey: String, _ handler: @escaping Handler) {
        precondition(!handles(routingKey), "two handlers for \(routingKey)")
        changes[routingKey] = handler
    }
}
