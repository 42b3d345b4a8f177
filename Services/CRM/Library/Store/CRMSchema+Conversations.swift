import GRDB

extension CRMSchema {
    /// The migrations of the customers' mails kept on tickets, after ``register(in:personalData:)``'s.
    static func registerConversations(in migrator: inout DatabaseMigrator) {
        // A later mail in the thread of a request filed from an e-mail joins that request's
        // ticket whatever its kind, not only an inquiry's: the reference to `crm_inquiries` goes.
        migrator.registerMigration("crm.inquiry-messages.every-kind") { db in
            try db.execute(sql: """
                CREATE TABLE crm_inquiry_messages_new (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT,
                    ticket_id TEXT NOT NULL,
                    staff_id TEXT,
                    mail_message_id TEXT,
                    text BLOB NOT NULL,
                    at REAL NOT NULL
                );
                INSERT INTO crm_inquiry_messages_new (seq, ticket_id, staff_id, mail_message_id, text, at)
                    SELECT seq, ticket_id, staff_id, mail_message_id, text, at FROM crm_inquiry_messages;
                DROP TABLE crm_inquiry_messages;
                ALTER TABLE crm_inquiry_messages_new RENAME TO crm_inquiry_messages;
                CREATE INDEX crm_inquiry_messages_ticket ON crm_inquiry_messages (ticket_id, seq);
                CREATE UNIQUE INDEX crm_inquiry_messages_mail ON crm_inquiry_messages (ticket_id, mail_message_id)
                    WHERE mail_message_id IS NOT NULL;
                """)
        }
    }
}
