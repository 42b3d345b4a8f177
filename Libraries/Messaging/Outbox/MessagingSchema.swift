import GRDB

/// The outbox (with its parked rows) and inbox tables every service's store carries.
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
        migrator.registerMigration("messaging.v2.outbox-parking") { db in
            try db.execute(sql: """
                -- Set on a row the broker confirmed while an earlier row was refused: the cursor
                -- cannot mark it (what is sent is no longer a prefix), and it must not go twice.
                ALTER TABLE messaging_outbox ADD COLUMN confirmed_at REAL;
                -- When the broker first refused the row (returned or nacked it): parked after a while.
                ALTER TABLE messaging_outbox ADD COLUMN failing_since REAL;
                -- Milliseconds the broker keeps the message queued (dead letters expire).
                ALTER TABLE messaging_outbox ADD COLUMN expiration_ms INTEGER;
                -- Rows the broker kept refusing, moved out of the relay's way until an operator
                -- re-sends them; rows for the same destination that came after wait here too.
                CREATE TABLE messaging_outbox_parked (
                    seq INTEGER PRIMARY KEY,
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
                    expiration_ms INTEGER,
                    attempts INTEGER NOT NULL,
                    last_error TEXT,
                    parked_at REAL NOT NULL
                );
                CREATE INDEX messaging_outbox_parked_destination ON messaging_outbox_parked(exchange, routing_key);
                """)
        }
    }
}
