import GRDB
import PersonalData
import ServiceKit

/// crm's tables, as named migrations registered in order; never edit one once shipped.
///
/// A ticket's applicant and extra households (names, ID numbers, phone, e-mail) are one
/// sealed column, `parties`, and its street is sealed (`street_sealed`): the ticket's other
/// columns hold nothing that identifies a person.
enum CRMSchema {
    static func register(in migrator: inout DatabaseMigrator, personalData: PersonalDataProtector) {
        migrator.registerMigration("crm.tickets") { db in
            try db.execute(sql: """
                CREATE TABLE crm_tickets (
                    ticket_id TEXT PRIMARY KEY,
                    request_code TEXT NOT NULL UNIQUE,
                    branch_code TEXT NOT NULL,
                    branch_name TEXT NOT NULL,
                    branch_hotline TEXT NOT NULL,
                    province TEXT NOT NULL,
                    commune_code TEXT NOT NULL,
                    street TEXT NOT NULL,
                    area_class TEXT NOT NULL,
                    purpose TEXT NOT NULL,
                    household_count INTEGER NOT NULL,
                    parties BLOB NOT NULL,
                    received_on TEXT NOT NULL,
                    opened_at REAL NOT NULL,
                    status TEXT NOT NULL,
                    sla_limit INTEGER NOT NULL,
                    due_date TEXT NOT NULL,
                    screening_outcome TEXT,
                    screening_conflicts TEXT,
                    screening_decision TEXT,
                    screening_note TEXT,
                    survey_outcome TEXT,
                    survey_phase INTEGER,
                    survey_reason TEXT,
                    installation_requested_at REAL,
                    meter_serial TEXT,
                    meter_installed_at REAL,
                    resolution TEXT,
                    working_days_taken INTEGER,
                    sla_outcome TEXT,
                    closed_at REAL
                );
                CREATE INDEX crm_tickets_branch_due ON crm_tickets (branch_code, due_date);
                CREATE INDEX crm_tickets_due ON crm_tickets (due_date);
                """)
        }
        migrator.registerMigration("crm.contacts") { db in
            try db.execute(sql: """
                CREATE TABLE crm_contacts (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT,
                    ticket_id TEXT NOT NULL REFERENCES crm_tickets (ticket_id),
                    staff_id TEXT NOT NULL,
                    note TEXT,
                    contacted_at REAL NOT NULL
                );
                """)
        }
        migrator.registerMigration("crm.timeline") { db in
            try db.execute(sql: """
                CREATE TABLE crm_timeline (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT,
                    request_code TEXT NOT NULL REFERENCES crm_tickets (request_code),
                    kind TEXT NOT NULL,
                    detail TEXT NOT NULL DEFAULT '',
                    at REAL NOT NULL,
                    UNIQUE (request_code, kind, detail)
                );
                """)
        }
        migrator.registerMigration("crm.contracts") { db in
            try db.execute(sql: """
                CREATE TABLE crm_contracts (
                    contract_number TEXT PRIMARY KEY,
                    request_code TEXT NOT NULL UNIQUE REFERENCES crm_tickets (request_code),
                    customer_code TEXT NOT NULL UNIQUE,
                    meter_serial TEXT NOT NULL,
                    tariff_group TEXT NOT NULL,
                    household_count INTEGER NOT NULL,
                    status TEXT NOT NULL,
                    drafted_at REAL NOT NULL,
                    signed_at REAL
                );
                CREATE TABLE crm_sequences (
                    name TEXT PRIMARY KEY,
                    last_value INTEGER NOT NULL
                );
                """)
        }
        // A contract's households in quarters of an allowance, as amendments set them (2¼ is 9);
        // `household_count` keeps the whole households for the fields that always carried them.
        migrator.registerMigration("crm.contracts.household-quarters") { db in
            try db.execute(sql: """
                ALTER TABLE crm_contracts ADD COLUMN household_quarters INTEGER;
                UPDATE crm_contracts SET household_quarters = household_count * 4;
                """)
        }
        // Contract-amendment tickets: a table of their own rather than nullable columns in
        // `crm_tickets`, whose request, site and parties an amendment does not have.
        migrator.registerMigration("crm.amendments") { db in
            try db.execute(sql: """
                CREATE TABLE crm_amendments (
                    ticket_id TEXT PRIMARY KEY,
                    change_id TEXT NOT NULL UNIQUE,
                    dossier_id TEXT NOT NULL,
                    unit TEXT NOT NULL,
                    customer_code TEXT NOT NULL,
                    contract_number TEXT,
                    previous_quarters INTEGER NOT NULL,
                    new_quarters INTEGER NOT NULL,
                    reason TEXT NOT NULL,
                    effective_on TEXT NOT NULL,
                    changed_at REAL NOT NULL,
                    correlation_id TEXT NOT NULL,
                    received_on TEXT NOT NULL,
                    opened_at REAL NOT NULL,
                    status TEXT NOT NULL,
                    sla_limit INTEGER NOT NULL,
                    due_date TEXT NOT NULL,
                    staff_id TEXT,
                    note TEXT,
                    contract_updated INTEGER,
                    working_days_taken INTEGER,
                    sla_outcome TEXT,
                    closed_at REAL
                );
                CREATE INDEX crm_amendments_unit_due ON crm_amendments (unit, due_date);
                CREATE INDEX crm_amendments_due ON crm_amendments (due_date);
                CREATE INDEX crm_amendments_contract ON crm_amendments (contract_number, changed_at);
                """)
        }
        // Service requests about existing supply points: a table of their own, like amendments,
        // since they have a customer code instead of a site, a survey and a drafted contract.
        migrator.registerMigration("crm.service-tickets") { db in
            try db.execute(sql: """
                CREATE TABLE crm_service_tickets (
                    ticket_id TEXT PRIMARY KEY,
                    request_code TEXT NOT NULL UNIQUE,
                    kind TEXT NOT NULL,
                    customer_code TEXT NOT NULL,
                    branch_code TEXT NOT NULL,
                    branch_name TEXT NOT NULL,
                    branch_hotline TEXT NOT NULL,
                    filing BLOB NOT NULL,
                    received_on TEXT NOT NULL,
                    opened_at REAL NOT NULL,
                    status TEXT NOT NULL,
                    stage TEXT NOT NULL,
                    sla_limit INTEGER NOT NULL,
                    due_date TEXT NOT NULL,
                    screening_outcome TEXT,
                    screening_conflicts TEXT,
                    approved_by TEXT,
                    approved_at REAL,
                    visit TEXT,
                    new_customer_code TEXT,
                    counted_quarters INTEGER,
                    resolution TEXT,
                    working_days_taken INTEGER,
                    sla_outcome TEXT,
                    closed_at REAL
                );
                CREATE INDEX crm_service_tickets_branch_due ON crm_service_tickets (branch_code, due_date);
                CREATE INDEX crm_service_tickets_due ON crm_service_tickets (due_date);
                CREATE INDEX crm_service_tickets_customer ON crm_service_tickets (customer_code, kind);
                """)
        }
        // The timeline holds the steps of every ticket with a request code, service requests'
        // too, so it no longer references `crm_tickets`: the table is rebuilt without the key.
        migrator.registerMigration("crm.timeline.every-request") { db in
            try db.execute(sql: """
                CREATE TABLE crm_timeline_new (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT,
                    request_code TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    detail TEXT NOT NULL DEFAULT '',
                    at REAL NOT NULL,
                    UNIQUE (request_code, kind, detail)
                );
                INSERT INTO crm_timeline_new (seq, request_code, kind, detail, at)
                    SELECT seq, request_code, kind, detail, at FROM crm_timeline;
                DROP TABLE crm_timeline;
                ALTER TABLE crm_timeline_new RENAME TO crm_timeline;
                """)
        }
        // A connection ticket's kind: low or medium voltage, whose limits differ.
        migrator.registerMigration("crm.tickets.request-kind") { db in
            try db.execute(sql: "ALTER TABLE crm_tickets ADD COLUMN request_kind TEXT NOT NULL DEFAULT 'new_lv_connection'")
        }
        // A contract ends when its holder terminates it; the status column says so.
        migrator.registerMigration("crm.contracts.ended") { db in
            try db.execute(sql: "ALTER TABLE crm_contracts ADD COLUMN ended_at REAL")
        }
        // The street of a connection's site was kept in plain text: sealed, the plain column dropped.
        migrator.registerSealing("crm.tickets.sealed-street", table: "crm_tickets", key: "ticket_id",
                                 columns: ["street"], with: personalData)
        // E-mailed inquiries and their conversations: subject, address and every mail's text sealed.
        migrator.registerMigration("crm.inquiries") { db in
            try db.execute(sql: """
                CREATE TABLE crm_inquiries (
                    ticket_id TEXT PRIMARY KEY,
                    request_code TEXT NOT NULL UNIQUE,
                    branch_code TEXT NOT NULL,
                    branch_name TEXT NOT NULL,
                    branch_hotline TEXT NOT NULL,
                    customer_code TEXT,
                    channel TEXT NOT NULL,
                    subject BLOB NOT NULL,
                    reply_address BLOB NOT NULL,
                    received_on TEXT NOT NULL,
                    opened_at REAL NOT NULL,
                    status TEXT NOT NULL,
                    sla_limit INTEGER NOT NULL,
                    due_date TEXT NOT NULL,
                    reopenings INTEGER NOT NULL DEFAULT 0,
                    resolution TEXT,
                    working_days_taken INTEGER,
                    sla_outcome TEXT,
                    closed_at REAL
                );
                CREATE INDEX crm_inquiries_branch_due ON crm_inquiries (branch_code, due_date);
                CREATE TABLE crm_inquiry_messages (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT,
                    ticket_id TEXT NOT NULL REFERENCES crm_inquiries (ticket_id),
                    staff_id TEXT,
                    mail_message_id TEXT,
                    text BLOB NOT NULL,
                    at REAL NOT NULL
                );
                CREATE INDEX crm_inquiry_messages_ticket ON crm_inquiry_messages (ticket_id, seq);
                CREATE UNIQUE INDEX crm_inquiry_messages_mail ON crm_inquiry_messages (ticket_id, mail_message_id)
                    WHERE mail_message_id IS NOT NULL;
                """)
        }
        // A call may be recorded on a ticket of every kind, not only a connection's: the
        // reference to `crm_tickets` goes.
        migrator.registerMigration("crm.contacts.every-kind") { db in
            try db.execute(sql: """
                CREATE TABLE crm_contacts_new (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT,
                    ticket_id TEXT NOT NULL,
                    staff_id TEXT NOT NULL,
                    note TEXT,
                    contacted_at REAL NOT NULL
                );
                INSERT INTO crm_contacts_new (seq, ticket_id, staff_id, note, contacted_at)
                    SELECT seq, ticket_id, staff_id, note, contacted_at FROM crm_contacts;
                DROP TABLE crm_contacts;
                ALTER TABLE crm_contacts_new RENAME TO crm_contacts;
                CREATE INDEX crm_contacts_ticket ON crm_contacts (ticket_id);
                """)
        }
        // Who works a ticket: every assignment, the latest the one that holds.
        migrator.registerMigration("crm.assignments") { db in
            try db.execute(sql: """
                CREATE TABLE crm_assignments (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT,
                    ticket_id TEXT NOT NULL,
                    officer_id TEXT NOT NULL,
                    assigned_by TEXT NOT NULL,
                    assigned_at REAL NOT NULL
                );
                CREATE INDEX crm_assignments_ticket ON crm_assignments (ticket_id, seq);
                """)
        }
        // The papers customers attached to their requests, as intake announced them: the ticket
        // page lists them and links each to intake, which keeps the sealed file.
        migrator.registerMigration("crm.attachments") { db in
            try db.execute(sql: """
                CREATE TABLE crm_attachments (
                    attachment_id TEXT PRIMARY KEY,
                    request_code TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    content_type TEXT NOT NULL,
                    byte_count INTEGER NOT NULL,
                    channel TEXT NOT NULL,
                    added_at REAL NOT NULL
                );
                CREATE INDEX crm_attachments_request ON crm_attachments (request_code, added_at);
                """)
        }
        registerDeadlineNotices(in: &migrator)
    }

    /// The columns `evnctl reseal` rewrites after a key change.
    static let personalDataTables = [
        PersonalDataTable("crm_tickets", key: "ticket_id", sealed: ["parties", "street_sealed"]),
        PersonalDataTable("crm_service_tickets", key: "ticket_id", sealed: ["filing"]),
        PersonalDataTable("crm_contract_versions", key: "rowid", sealed: ["holder_sealed"]),
        PersonalDataTable("crm_inquiries", key: "ticket_id", sealed: ["subject", "reply_address"]),
        PersonalDataTable("crm_inquiry_messages", key: "seq", sealed: ["text"]),
        PersonalDataTable("crm_signed_copies", key: "request_code", sealed: ["document_sealed"]),
    ]
}
