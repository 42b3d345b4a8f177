import GRDB

/// The outbox and inbox tables every service's store carries.
///
/// Registered into each service's migrator, so the tables come from here and
/// are never re-typed per service. Migrations are named and never edited once
/// shipped; a change is a new migration.
public enum MessagingSchema {
    public static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("messaging.v1.outbox-inbox") { db in
            try db.execute(sql: """
                CREATE TABLE messaging_outbox (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT,
                    message_id TEXT NOT NULL,
                    exchange TEXT NOT NULL,
                    routing_key TEXT NOT NULL,
                    mandatory INTEGER NOT NULL,
                    message_type TEXT NOT NULL,
                    correlation_id TEXT,
                    causation_id TEXT,
                    traceparent TEXT,
                    app_id TEXT NOT NULL,
                    reply_to TEXT,
                    headers TEXT,
                    created_at REAL NOT NULL,
                    body BLOB NOT NULL,
                    attempts INTEGER NOT NULL DEFAULT 0,
                    last_error TEXT
                );
                -- The relay publishes strictly in seq order and marks a message sent only when it and
                -- every message before it were confirmed: what is sent is always a prefix, so one
                -- cursor row marks it, and neither inserts nor marking touch an index.
                CREATE TABLE messaging_outbox_cursor (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    sent_through INTEGER NOT NULL,
                    sent_at REAL
                );
                INSERT INTO messaging_outbox_cursor (id, sent_through) VALUES (1, 0);
                CREATE TABLE messaging_inbox (
                    message_id TEXT PRIMARY KEY,
                    message_type TEXT NOT NULL,
                    handled_at REAL NOT NULL
                ) WITHOUT ROWID;
                CREATE INDEX messaging_inbox_handled ON messaging_inbox(handled_at);
                """)
        }
    }
}
