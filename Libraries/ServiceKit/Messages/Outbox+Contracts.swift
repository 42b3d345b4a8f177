import Contracts
import Foundation
import GRDB
import Messaging

extension Outbox {
    /// Writes `message`, as `service` sends it, to the outbox in the transaction of the change
    /// that causes it: an event to `evn.events`, a command to `evn.commands`.
    ///
    /// A message caused by an incoming one keeps its trace and names it as cause; one sent on
    /// the service's own initiative (staff, a daily job) starts a new trace. The caller chooses
    /// the `correlation_id`, the key a flow's story is told by (the request code, a customer code).
    public func send<Message: MessageContract>(
        _ message: Message, from service: ServiceName, correlationId: String, cause: Envelope?, at date: Date,
        in db: Database
    ) throws {
        let body = try Envelope.encode(message)
        var envelope = cause?.caused(routingKey: Message.routingKey, version: Message.version, appId: service.rawValue,
                                     body: body)
            ?? Envelope(routingKey: Message.routingKey, version: Message.version, timestamp: date,
                        appId: service.rawValue, body: body)
        envelope.correlationId = correlationId
        try enqueue(Message.kind == .event ? .event(envelope) : .command(envelope), in: db)
    }
}
