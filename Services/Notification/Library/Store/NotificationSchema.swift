import GRDB
import ServiceKit

/// Notification's tables, as named migrations registered in order; never edit one once shipped.
///
/// - `notification_contacts`: where each request's customer is reached, from
///   `crm.ticket.opened`, because later events name the request only. Phone and e-mail are
///   sealed (``PersonalDataProtector``); the masked forms are for operators.
/// - `notification_deliveries`: one row per message to send — the queue while `pending` or
///   `sending`, the delivery log once `delivered` or `failed`. The unique key (notice,
///   reference, occasion, channel, recipient fingerprint) is what makes a redelivered or
///   re-emitted event notify nobody twice. Recipient and text are sealed while the row waits
///   and removed once it is delivered.
///
/// `notification.residence-reminders` files deliveries under a `reference` (the request code
/// of a request notice, the reminder id of a residence reminder, which has no request) and
/// adds `customer_code`, set exactly on reminders (the shared meter's code, for the log
/// look-up). A reminder is sent at most once per reminder id (`notification_deliveries_reminder`),
/// even if households named another phone the second time.
///
/// `notification.delivery-priority` adds `priority` (``DeliveryPriority``: `0` urgent, `1`
/// bulk, the reminders already queued becoming bulk) and indexes the pending rows by
/// priority, then due time, so the sender finds the first urgent due delivery under any
/// backlog of reminders without scanning it.
enum NotificationSchema {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("notification.contacts-and-deliveries") { db in
            try db.execute(sql: """
                CREATE TABLE notification_contacts (
                    request_code TEXT PRIMARY KEY,
                    phone_sealed BLOB NOT NULL,
                    phone_masked TEXT NOT NULL,
                    email_sealed BLOB,
                    email_masked TEXT,
                    recorded_at REAL NOT NULL
                );
                CREATE TABLE notification_deliveries (
                    id TEXT PRIMARY KEY,
                    request_code TEXT NOT NULL,
                    notice TEXT NOT NULL,
                    occasion TEXT NOT NULL,
                    channel TEXT NOT NULL,
                    recipient_fingerprint TEXT NOT NULL,
                    recipient_masked TEXT NOT NULL,
                    recipient_sealed BLOB,
                    content_sealed BLOB,
                    status TEXT NOT NULL CHECK (status IN ('pending', 'sending', 'delivered', 'failed')),
                    attempts INTEGER NOT NULL DEFAULT 0,
                    next_attempt_at REAL,
                    last_error TEXT,
                    outcome TEXT,
                    causation_id TEXT NOT NULL,
                    traceparent TEXT,
                    queued_at REAL NOT NULL,
                    finished_at REAL,
                    UNIQUE (notice, request_code, occasion, channel, recipient_fingerprint)
                );
                CREATE INDEX notification_deliveries_due ON notification_deliveries (next_attempt_at)
                    WHERE status = 'pending';
                CREATE INDEX notification_deliveries_request ON notification_deliveries (request_code, queued_at);
                """)
        }
        migrator.registerMigration("notification.residence-reminders") { db in
            try db.execute(sql: """
                ALTER TABLE notification_deliveries RENAME COLUMN request_code TO reference;
                ALTER TABLE notification_deliveries ADD COLUMN customer_code TEXT;
                DROP INDEX notification_deliveries_request;
                CREATE INDEX notification_deliveries_reference ON notification_deliveries (reference, queued_at);
                CREATE INDEX notification_deliveries_customer ON notification_deliveries (customer_code, queued_at)
                    WHERE customer_code IS NOT NULL;
                CREATE UNIQUE INDEX notification_deliveries_reminder ON notification_deliveries (notice, reference)
                    WHERE customer_code IS NOT NULL;
                """)
        }
        migrator.registerMigration("notification.delivery-priority") { db in
            try db.execute(sql: """
                ALTER TABLE notification_deliveries ADD COLUMN priority INTEGER NOT NULL DEFAULT 0
                    CHECK (priority IN (0, 1));
                UPDATE notification_deliveries SET priority = 1 WHERE customer_code IS NOT NULL;
                DROP INDEX notification_deliveries_due;
                CREATE INDEX notification_deliveries_due ON notification_deliveries (priority, next_attempt_at)
                    WHERE status = 'pending';
                """)
        }
    }

    /// The columns `evnctl reseal` rewrites after a key change. A delivered message's
    /// recipient fingerprint stays under the key it was made with: its sealed recipient is gone.
    static let personalDataTables = [
        PersonalDataTable("notification_contacts", key: "request_code", sealed: ["phone_sealed", "email_sealed"]),
        PersonalDataTable("notification_deliveries", key: "id", sealed: ["recipient_sealed", "content_sealed"],
                          fingerprints: [.init("recipient_fingerprint", from: "recipient_sealed")]),
    ]
}
