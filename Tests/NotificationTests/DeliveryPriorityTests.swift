import Contracts
import Foundation
import GRDB
import Messaging
@testable import Notification
import TestSupport
import Testing

/// Urgent notices never wait behind bulk ones, and bulk ones leave at their pace.
@Suite struct DeliveryPriorityTests {
    /// The morning after a residence pass: tens of thousands of reminders draining through the
    /// gateway, and a customer at the counter waiting for their signing code.
    @Test func aSigningCodeOvertakesFiftyThousandQueuedReminders() async throws {
        try await NotificationHarness.run { harness, gateway in
            let service = try await harness.start(["BULK_DELIVERIES_PER_SECOND": "1000"])
            try await queueReminders(50_000, in: service)
            try await eventually("the reminders are being sent") { await gateway.messages().count >= 20 }

            let code = SampleEvents.requestCode()
            let published = Date()
            try await harness.publish(SampleEvents.signingCode(code, code: "381204"), correlationId: code)

            try await eventually("the signing code reached the gateway", timeout: .seconds(10)) {
                await gateway.messages().contains { $0.content.contains("Ma ky: 381204") }
            }
            let sms = try #require(await gateway.messages().first { $0.content.contains("Ma ky: 381204") })
            #expect(sms.content.contains("Ma ky: 381204, hieu luc 15 phut."))
            #expect(sms.phone == "84912345678")
            let elapsed = sms.receivedAt.timeIntervalSince(published)
            #expect(elapsed < 3, "the signing code took \(elapsed) s")
            let remindersWaiting = try #require(try await service.get("metrics").metric("reminders_waiting"))
            #expect(remindersWaiting > 40_000, "the code went ahead of the backlog, not after it")
        }
    }

    @Test func remindersLeaveAtTheConfiguredPace() async throws {
        try await NotificationHarness.run { harness, gateway in
            let service = try await harness.start(["BULK_DELIVERIES_PER_SECOND": "10"])
            try await queueReminders(25, in: service)

            // The pace is read from the gateway's clock below, so a slow machine may take longer
            // to send them all without making the test pass wrongly.
            try await eventually("every reminder went out", timeout: .seconds(60)) {
                await gateway.messages().count == 25
            }
            let times = await gateway.messages().map(\.receivedAt).sorted()
            let span = times.last!.timeIntervalSince(times.first!)
            #expect(span >= 2.0, "25 reminders at 10 a second took \(span) s")
            let busiestSecond = times.map { start in times.count { $0 >= start && $0 < start.addingTimeInterval(1) } }.max()!
            #expect(busiestSecond <= 13, "\(busiestSecond) reminders within one second")
        }
    }

    @Test func remindersQueuedBeforeTheUpgradeBecomeBulk() async throws {
        var migrator = DatabaseMigrator()
        NotificationSchema.register(in: &migrator)
        let database = try DatabaseQueue()
        try migrator.migrate(database, upTo: "notification.residence-reminders")
        try await database.write { db in
            for (id, notice, customerCode) in [("reminder", "residence_expired", "PC05TK0012345" as String?),
                                               ("notice", "request_received", nil)] {
                try db.execute(sql: """
                    INSERT INTO notification_deliveries (id, reference, customer_code, notice, occasion, channel,
                        recipient_fingerprint, recipient_masked, status, next_attempt_at, causation_id, queued_at)
                    VALUES (?, ?, ?, ?, '', 'sms', 'f', '+8491****678', 'pending', 0, 'm', 0)
                    """, arguments: [id, id, customerCode, notice])
            }
        }
        try migrator.migrate(database)
        let priorities = try await database.read { db in
            try Dictionary(uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT id, priority FROM notification_deliveries")
                .map { ($0["id"] as String, $0["priority"] as Int) })
        }
        #expect(priorities == ["reminder": DeliveryPriority.bulk.rawValue, "notice": DeliveryPriority.urgent.rawValue])
    }

    /// Queues `count` residence reminders, each for its own shared meter, as the inbox would after
    /// a residence pass: the first through the service's own queue, the rest copied from it in one
    /// statement (with their own reminder id, customer code and recipient fingerprint).
    private func queueReminders(_ count: Int, in service: RunningService<NotificationService>) async throws {
        let context = service.host.context
        let queue = DeliveryQueue(personalData: context.personalData, outbox: context.outbox, doorbell: Doorbell(),
                                  clock: context.clock)
        let cause = Envelope(routingKey: SendResidenceReminder.routingKey, appId: "households", body: Data("{}".utf8))
        let order = DeliveryOrder(
            subject: .residenceReminder(.expiringSoon, reminderId: "RM-0", customerCode: "PC05TK0000000"), occasion: "",
            recipient: Recipient(channel: .sms, address: "+84912000000"),
            content: DeliveryContent(text: "Dien luc thong bao: nhac gia han xac nhan cu tru.", unicode: false),
            cause: cause)
        try await context.store.database.write { db in
            try #require(try queue.enqueue(order, at: Date(), in: db))
            try db.execute(sql: """
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
                INSERT INTO notification_deliveries (id, reference, customer_code, notice, occasion, channel,
                    recipient_fingerprint, recipient_masked, recipient_sealed, content_sealed, status, next_attempt_at,
                    causation_id, traceparent, queued_at, priority)
                SELECT 'copy-' || i, 'RM-' || i, printf('PC05TK%07d', i), notice, occasion, channel,
                    recipient_fingerprint || '-' || i, recipient_masked, recipient_sealed, content_sealed, status,
                    next_attempt_at, causation_id, traceparent, queued_at, priority
                FROM n, notification_deliveries WHERE reference = 'RM-0'
                """, arguments: [count - 1])
        }
    }
}
