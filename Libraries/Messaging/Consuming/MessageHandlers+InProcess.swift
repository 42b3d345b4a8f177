import GRDB

extension MessageHandlers {
    /// What handing a message to a service in-process did.
    public enum InProcessDelivery: Sendable, Equatable {
        case handled
        /// Its id was claimed before: a message delivered twice changes nothing twice.
        case handledBefore
        /// Another shard's message: not handled here, as the consumer acknowledges it unhandled.
        case otherShard
        /// No handler takes its routing key: nothing was written.
        case noHandler
    }

    /// Hands `envelope` to its handler inside the caller's transaction `db`, the way the
    /// service's consumer does (claimed in the inbox, then handled), for a service run
    /// in-process with no broker in between. Public so that code outside the library needs no
    /// `@testable` import, which would keep the benchmarks that use it from a release build.
    public func deliverInProcess(_ envelope: Envelope, exchange: String, outbox: Outbox,
                                 in db: Database) throws -> InProcessDelivery {
        let message = IncomingMessage(envelope: envelope, exchange: exchange, routingKey: envelope.routingKey,
                                      redelivered: false)
        guard let handle = change(for: envelope.routingKey) else { return .noHandler }
        guard owns(message) else { return .otherShard }
        return try Inbox.handleOnce(message, by: handle, outbox: outbox, in: db) ? .handled : .handledBefore
    }
}
