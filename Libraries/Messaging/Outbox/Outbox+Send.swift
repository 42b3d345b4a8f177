import Contracts
import Foundation
import GRDB

extension Outbox {
    /// Writes `contract`, as this outbox's service sends it, to the outbox in the transaction
    /// of the change that causes it. The contract names everything on the envelope but the
    /// flow: its routing key and schema version, and its kind, which sends an event to
    /// `evn.events` and a command to `evn.commands`. The only way a service sends a message.
    ///
    /// - Parameters:
    ///   - cause: the message whose handling causes this one: the new message names it as its
    ///     cause and continues its trace. Nil for a message a request, staff or a daily job
    ///     starts: it begins a new trace.
    ///   - correlation: the key the flow's story is told by (a request code, a customer code);
    ///     the cause's when nil.
    ///   - date: the envelope's timestamp.
    public func send<Message: MessageContract>(
        _ contract: Message, cause: (any MessageCause)? = nil, correlation: String? = nil, at date: Date,
        in db: Database
    ) throws {
        precondition(Message.kind != .query, "\(Message.routingKey) is a look-up: ask it through the RPC client")
        let body = try Envelope.encode(contract)
        var envelope = cause?.caused(routingKey: Message.routingKey, version: Message.version, appId: service, body: body)
            ?? Envelope(routingKey: Message.routingKey, version: Message.version, appId: service, body: body)
        envelope.timestamp = date
        if let correlation { envelope.correlationId = correlation }
        try enqueue(Message.kind == .event ? .event(envelope) : .command(envelope), in: db)
    }
}
