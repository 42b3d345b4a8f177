import Contracts
import Foundation
import GRDB
import Messaging
import PersonalData
import ServiceKit

/// The deliveries in `notification_deliveries`: queued by the handlers inside their
/// transaction, taken and settled by ``DeliveryDispatcher``.
///
/// Statuses: `pending` (waiting for `next_attempt_at`) → `sending` → `delivered`, or back to
/// `pending` after a failure, or `failed` once attempts run out. Settling a sent batch and
/// announcing its request notices (`notification.customer.notified` in the outbox) share one transaction.
struct DeliveryQueue: Sendable {
    let personalData: PersonalDataProtector
    let outbox: Outbox
    /// Rung when a handler's transaction committed new deliveries, so they leave at once.
    let doorbell: Doorbell
    /// The time deliveries are queued, fall due and are settled at.
    let clock: WallClock
    /// Rings ``doorbell`` once a transaction that queued deliveries commits.
    private let ringAfterCommit: CommitHook

    init(personalData: PersonalDataProtector, outbox: Outbox, doorbell: Doorbell, clock: WallClock) {
        self.personalData = personalData
        self.outbox = outbox
        self.doorbell = doorbell
        self.clock = clock
        ringAfterCommit = CommitHook { doorbell.ring() }
    }

    /// Queues `order` unless the same notice already went (or waits) for the same recipient
    /// by the same channel, or the same reminder went at all; returns whether it was queued now.
    ///
    /// The recipient is compared by every fingerprint its address may have, so a notice queued
    /// under a previous personal-data key is not sent again after a key rotation.
    func enqueue(_ order: DeliveryOrder, at now: Date, in db: Database) throws -> Bool {
        let fingerprints = personalData.fingerprints(order.recipient.address)
        let queuedBefore = try Bool.fetchOne(db.cachedStatement(sql: """
            SELECT EXISTS (SELECT 1 FROM notification_deliveries
                WHERE notice = ? AND reference = ? AND occasion = ? AND channel = ?
                    AND recipient_fingerprint IN (\(databaseQuestionMarks(count: fingerprints.count))))
            """), arguments: StatementArguments([order.subject.notice, order.subject.reference, order.occasion,
                                                order.recipient.channel.rawValue] + fingerprints))!
        guard !queuedBefore else { return false }
        let content = String(decoding: try JSONCoding.encoder.encode(order.content), as: UTF8.self)
        try DeliveryRow(
            id: UUID.timeOrdered().uuidString.lowercased(), reference: order.subject.reference,
            customerCode: order.subject.customerCode,
            notice: order.subject.notice, occasion: order.occasion, channel: order.recipient.channel.rawValue,
            recipientFingerprint: fingerprints[0], recipientMasked: order.recipient.masked,
            recipientSealed: personalData.seal(order.recipient.address), contentSealed: personalData.seal(content),
            nextAttemptAt: now.timeIntervalSince1970, causationId: order.cause.messageId,
            traceparent: order.cause.traceparent, queuedAt: now.timeIntervalSince1970,
            priority: order.subject.priority.rawValue
        ).insertRow(into: db)
        guard db.changesCount == 1 else { return false }
        ringAfterCommit.arm(in: db)
        return true
    }

    /// Residence reminders queued and not yet delivered or given up: the reminder backlog
    /// operators alert on (`reminders_waiting` on `/metrics`).
    func remindersWaiting(in db: Database) throws -> Int {
        try Int.fetchOne(db.cachedStatement(sql: """
            SELECT COUNT(*) FROM notification_deliveries WHERE notice LIKE ? AND status IN ('pending', 'sending')
            """), arguments: [DeliverySubject.reminderPrefix + "%"]) ?? 0
    }

    /// Puts back deliveries a previous run was sending when it stopped: whether they left is
    /// unknown, so they are sent again (the gateway drops a repeated `RequestId`).
    func releaseInterrupted(in db: Database) throws -> Int {
        try db.cachedStatement(sql: "UPDATE notification_deliveries SET status = 'pending' WHERE status = 'sending'").execute()
        return db.changesCount
    }

    /// Takes up to `limit` due deliveries of `priority` for sending, longest due first,
    /// counting the attempt now, so that one cut short by a crash still counts.
    func claimDue(_ priority: DeliveryPriority, at now: Date, limit: Int, in db: Database) throws -> [Delivery] {
        guard limit > 0 else { return [] }
        let rows = try Row.fetchAll(db.cachedStatement(sql: """
            UPDATE notification_deliveries SET status = 'sending', attempts = attempts + 1
            WHERE id IN (
                SELECT id FROM notification_deliveries
                WHERE status = 'pending' AND priority = ? AND next_attempt_at <= ?
                ORDER BY next_attempt_at LIMIT ?
            )
            RETURNING id, reference, customer_code, notice, channel, recipient_masked, recipient_sealed, content_sealed,
                attempts, causation_id, traceparent
            """), arguments: [priority.rawValue, now.timeIntervalSince1970, limit])
        return try rows.map { row in
            guard let subject = DeliverySubject(notice: row["notice"], reference: row["reference"],
                                                customerCode: row["customer_code"]),
                  let channel = CustomerNotified.DeliveryChannel(rawValue: row["channel"]) else {
                throw DatabaseError(message: "notification_deliveries row \(row["id"] as String) has an unknown notice or channel")
            }
            return Delivery(id: row["id"], subject: subject, channel: channel,
                            recipientMasked: row["recipient_masked"], recipientSealed: row["recipient_sealed"],
                            contentSealed: row["content_sealed"], attempts: row["attempts"],
                            causationId: row["causation_id"], traceparent: row["traceparent"])
        }
    }

    /// When the next pending delivery of `priority` is due, `nil` when none waits.
    func nextDue(_ priority: DeliveryPriority, in db: Database) throws -> Date? {
        try Double.fetchOne(db.cachedStatement(sql: """
            SELECT MIN(next_attempt_at) FROM notification_deliveries WHERE status = 'pending' AND priority = ?
            """), arguments: [priority.rawValue]).map(Date.init(timeIntervalSince1970:))
    }

    /// The recipient and text of `delivery`, unsealed for the send.
    func open(_ delivery: Delivery) throws -> (Recipient, DeliveryContent) {
        let recipient = Recipient(channel: delivery.channel, address: try personalData.open(delivery.recipientSealed))
        let content = try personalData.open(DeliveryContent.self, json: delivery.contentSealed)
        return (recipient, content)
    }

    /// Records how each delivery of a sent batch ended, and announces the request notices among
    /// those delivered to crm (a reminder belongs to no request's timeline): one
    /// `notification.customer.notified` per notice and cause, naming each of its messages, so a
    /// notice's SMS and e-mail sent together make one event, not two.
    func settle(_ batch: [SettledDelivery], in db: Database) throws {
        for settled in batch {
            switch settled.settlement {
            case .delivered(let outcome, let at): try markDelivered(settled.delivery, outcome: outcome, at: at, in: db)
            case .retry(let failure, let retryAt): try reschedule(settled.delivery, after: failure, retryAt: retryAt, in: db)
            case .failed(let failure, let at): try markFailed(settled.delivery, reason: failure.reason, at: at, in: db)
            }
        }
        for notice in AnnouncedNotice.delivered(in: batch) {
            let event = notice.event
            try outbox.send(event, cause: notice.cause, correlation: notice.requestCode, at: event.deliveredAt, in: db)
        }
    }

    /// Records `delivery` as delivered, and forgets its address and text.
    private func markDelivered(_ delivery: Delivery, outcome: String, at now: Date, in db: Database) throws {
        try db.cachedStatement(sql: """
            UPDATE notification_deliveries SET status = 'delivered', outcome = ?, last_error = NULL, finished_at = ?,
                next_attempt_at = NULL, recipient_sealed = NULL, content_sealed = NULL
            WHERE id = ?
            """).execute(arguments: [outcome, now.timeIntervalSince1970, delivery.id])
    }

    /// Puts `delivery` back in the queue until `retryAt`, with the reason of this failure.
    private func reschedule(_ delivery: Delivery, after failure: DeliveryFailure, retryAt: Date, in db: Database) throws {
        try db.cachedStatement(sql: """
            UPDATE notification_deliveries SET status = 'pending', last_error = ?, next_attempt_at = ? WHERE id = ?
            """).execute(arguments: [failure.reason, retryAt.timeIntervalSince1970, delivery.id])
    }

    /// Gives `delivery` up: it stays in the log as failed, its address and text are forgotten.
    private func markFailed(_ delivery: Delivery, reason: String, at now: Date, in db: Database) throws {
        try db.cachedStatement(sql: """
            UPDATE notification_deliveries SET status = 'failed', last_error = ?, finished_at = ?,
                next_attempt_at = NULL, recipient_sealed = NULL, content_sealed = NULL
            WHERE id = ?
            """).execute(arguments: [reason, now.timeIntervalSince1970, delivery.id])
    }

    /// The delivery log of one request's notices, or of the reminders about one shared meter, oldest first.
    func records(_ filter: DeliveryLogFilter, in db: Database) throws -> [DeliveryRecord] {
        let condition = switch filter {
        case .requestCode: "reference = ? AND customer_code IS NULL"
        case .customerCode: "customer_code = ?"
        }
        return try Row.fetchAll(db.cachedStatement(sql: """
            SELECT id, reference, customer_code, notice, channel, recipient_masked, status, attempts, outcome,
                last_error, queued_at, next_attempt_at, finished_at
            FROM notification_deliveries WHERE \(condition) ORDER BY queued_at, channel
            """), arguments: [filter.value]).map { row in
            let customerCode: String? = row["customer_code"]
            return DeliveryRecord(
                deliveryId: row["id"], requestCode: customerCode == nil ? row["reference"] : nil,
                reminderId: customerCode == nil ? nil : row["reference"], customerCode: customerCode,
                notice: row["notice"], channel: row["channel"], recipient: row["recipient_masked"], status: row["status"],
                attempts: row["attempts"], outcome: row["outcome"], lastError: row["last_error"],
                queuedAt: Date(timeIntervalSince1970: row["queued_at"]),
                nextAttemptAt: (row["next_attempt_at"] as Double?).map(Date.init(timeIntervalSince1970:)),
                finishedAt: (row["finished_at"] as Double?).map(Date.init(timeIntervalSince1970:))
            )
        }
    }
}
