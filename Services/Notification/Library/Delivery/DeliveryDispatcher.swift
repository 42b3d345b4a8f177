import Contracts
import Foundation
import GRDB
import Logging
import ServiceKit
import ServiceLifecycle

/// Sends what the handlers queued: takes due deliveries, sends each by its channel, and
/// settles it — delivered (and announced), retried later with back-off, or failed.
///
/// A batch is sent concurrently and settled in one transaction once its last send returned:
/// one commit per batch, not per message, and a notice's SMS and e-mail announced to crm in one
/// event. A delivery is therefore recorded as sent only when its batch's slowest send is over
/// (at most the SMTP timeouts); a stop in between sends it again at the next start, as below.
///
/// Urgent deliveries always go first (``DeliveryPriority``): a batch is filled with due
/// urgent ones, and only its remaining room with bulk ones, at the ``BulkPace``. A backlog of
/// reminders therefore delays a signing code by one gateway round trip at most.
///
/// Handlers only write SQLite; all network I/O happens here, off the consumer's thread, so
/// a slow gateway never holds back the inbox. Deliveries survive a restart: the queue is a
/// table, and one caught mid-send is sent again when the service starts (at worst one SMS
/// twice, which the gateway drops by its `RequestId`).
struct DeliveryDispatcher: Service {
    /// Deliveries sent concurrently, at most.
    static let batchSize = 16
    /// The longest sleep between two looks at the queue, should a ring be missed.
    static let idlePoll: Duration = .seconds(5)

    let database: any DatabaseWriter
    let queue: DeliveryQueue
    let gateway: SMSGateway
    let email: EmailSender
    let policy: DeliveryPolicy
    /// Bulk deliveries (reminders) sent a second, on average (`BULK_DELIVERIES_PER_SECOND`).
    let bulkPerSecond: Double
    let doorbell: Doorbell
    let logger: Logger

    func run() async throws {
        let released = try await database.write { db in try queue.releaseInterrupted(in: db) }
        if released > 0 {
            logger.warning("deliveries interrupted by the last stop are queued again", metadata: ["count": "\(released)"])
        }
        do {
            try await cancelWhenGracefulShutdown {
                var pace = BulkPace(perSecond: bulkPerSecond, now: queue.clock.preciseNow())
                while !Task.isCancelled {
                    try await sendDueDeliveries(pacing: &pace)
                }
            }
        } catch is CancellationError {
            // Stopping: what was being sent stays `sending` and goes again at the next start.
        }
    }

    /// Sends one batch of due deliveries — every due urgent one before any bulk one, bulk ones
    /// only as fast as `pace` allows — or waits for the next to fall due.
    private func sendDueDeliveries(pacing pace: inout BulkPace) async throws {
        let now = queue.clock.preciseNow()
        let bulkAllowed = pace.available(upTo: Self.batchSize, at: now)
        let (urgent, bulk) = try await database.write { db in
            let urgent = try queue.claimDue(.urgent, at: now, limit: Self.batchSize, in: db)
            let bulk = try queue.claimDue(.bulk, at: now, limit: min(bulkAllowed, Self.batchSize - urgent.count), in: db)
            return (urgent, bulk)
        }
        pace.spend(bulk.count, at: now)
        let due = urgent + bulk
        guard !due.isEmpty else {
            await doorbell.wait(upTo: try await idleTime(pace: pace))
            return
        }
        let settled = await withTaskGroup(of: SettledDelivery.self) { group in
            for delivery in due {
                group.addTask { await attempt(delivery) }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        try await database.write { db in try queue.settle(settled, in: db) }
        settled.forEach(report)
    }

    /// How long to sleep when nothing can leave: until the next urgent delivery is due, or the
    /// next bulk one is due and the pace lets it go, at most ``idlePoll``.
    private func idleTime(pace: BulkPace) async throws -> Duration {
        let (urgent, bulk) = try await database.read { db in
            (try queue.nextDue(.urgent, in: db), try queue.nextDue(.bulk, in: db))
        }
        let now = queue.clock.preciseNow()
        let bulkSlot = bulk.map { max($0, pace.nextSlot(after: now)) }
        guard let next = [urgent, bulkSlot].compactMap({ $0 }).min() else { return Self.idlePoll }
        let seconds = max(0.01, next.timeIntervalSince(now))
        return min(Self.idlePoll, .milliseconds(Int64(seconds * 1000)))
    }

    /// Sends one delivery and decides how it ends: delivered, retried later with back-off, or
    /// given up once attempts run out or no retry can help.
    private func attempt(_ delivery: Delivery) async -> SettledDelivery {
        do {
            let outcome = try await send(delivery)
            return SettledDelivery(delivery: delivery, settlement: .delivered(outcome: outcome, at: queue.clock.preciseNow()))
        } catch let failure {
            let now = queue.clock.preciseNow()
            guard failure.kind != .undeliverable, delivery.attempts < policy.maxAttempts else {
                return SettledDelivery(delivery: delivery, settlement: .failed(failure, at: now))
            }
            let retryAt = policy.nextAttempt(after: delivery.attempts, from: now)
            return SettledDelivery(delivery: delivery, settlement: .retry(failure, retryAt: retryAt))
        }
    }

    private func send(_ delivery: Delivery) async throws(DeliveryFailure) -> String {
        let recipient: Recipient
        let content: DeliveryContent
        do {
            (recipient, content) = try queue.open(delivery)
        } catch {
            throw DeliveryFailure(kind: .undeliverable,
                                  reason: "the sealed recipient or text cannot be opened (was PERSONAL_DATA_KEY changed?)")
        }
        switch delivery.channel {
        case .sms:
            return try await gateway.send(content.text, to: recipient.address, unicode: content.unicode,
                                          requestId: delivery.id)
        case .email:
            return try await email.send(content, to: recipient.address, messageID: delivery.id,
                                        at: queue.clock.preciseNow())
        }
    }

    /// Logs how a delivery ended, once its batch is recorded.
    private func report(_ settled: SettledDelivery) {
        let delivery = settled.delivery
        var logger = logger
        for (key, value) in delivery.subject.metadata {
            logger[metadataKey: key] = value
        }
        logger[metadataKey: "delivery_id"] = "\(delivery.id)"
        logger[metadataKey: "channel"] = "\(delivery.channel.rawValue)"
        logger[metadataKey: "recipient"] = "\(delivery.recipientMasked)"
        logger[metadataKey: "attempt"] = "\(delivery.attempts)"
        switch settled.settlement {
        case .delivered(let outcome, _):
            logger.info("notice delivered", metadata: ["outcome": "\(outcome)"])
        case .failed(let failure, _):
            logger.error("notice not delivered, given up", metadata: ["reason": "\(failure.reason)"])
        case .retry(let failure, let retryAt):
            let metadata: Logger.Metadata = ["reason": "\(failure.reason)", "retry_at": "\(retryAt.formatted(.iso8601))"]
            if failure.kind == .configuration {
                logger.error("notice not delivered: the gateway or relay refuses our settings; will retry", metadata: metadata)
            } else {
                logger.warning("notice not delivered; will retry", metadata: metadata)
            }
        }
    }
}
