import Contracts
import Foundation
import GRDB
import Logging
import Messaging
import Synchronization

/// When each request's event of one kind first arrived.
final class Arrivals: Sendable {
    private let times = Mutex<[String: ContinuousClock.Instant]>([:])

    func note(_ requestCode: String) {
        let now = ContinuousClock.now
        times.withLock { if $0[requestCode] == nil { $0[requestCode] = now } }
    }

    func at(_ requestCode: String) -> ContinuousClock.Instant? {
        times.withLock { $0[requestCode] }
    }

    /// How many of `requestCodes` arrived, and when the last of them did.
    func count(of requestCodes: [String]) -> (count: Int, last: ContinuousClock.Instant?) {
        times.withLock { seen in
            let instants = requestCodes.compactMap { seen[$0] }
            return (instants.count, instants.max())
        }
    }
}

/// Watches `crm.ticket.opened` and `crm.ticket.closed` on the broker as any other consumer
/// would (its own queue, bound to the two keys) and notes when each request's event arrived.
struct FlowObserver: Sendable {
    let opened = Arrivals()
    let closed = Arrivals()
    let consumer: InboxConsumer

    init(broker: BrokerSettings, folder: URL) throws {
        var migrator = DatabaseMigrator()
        MessagingSchema.register(in: &migrator)
        let store = try DatabaseQueue(path: folder.appendingPathComponent("observer.sqlite").path)
        try migrator.migrate(store)
        var handlers = MessageHandlers()
        let opened = opened
        let closed = closed
        handlers.on(TicketOpened.self) { _, context in opened.note(context.envelope.correlationId ?? "") }
        handlers.on(TicketClosed.self) { _, context in closed.note(context.envelope.correlationId ?? "") }
        consumer = InboxConsumer(service: "bench-observer", broker: broker, store: store, outbox: Outbox(service: "bench-observer"),
                                 handlers: handlers, health: BrokerHealth(), logger: Logger(label: "bench-observer"))
    }
}
