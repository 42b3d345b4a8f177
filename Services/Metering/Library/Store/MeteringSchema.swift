import GRDB

/// Metering's tables, as named migrations registered in order; never edit one once shipped.
///
/// No personal data is kept: a work order knows the site's commune (for the reading route),
/// never the street.
///
/// `metering.meter-splits` adds the sub-household a work order splits off a shared meter
/// (``InstallMeter/Split``): the three `split_` columns are all set or all null.
///
/// `metering.work-order-request-kind` keeps the request kind the install-meter command named,
/// which the order's events carry back to crm; null for orders asked for before it, or by a
/// command that named none.
///
/// `metering.job-assignments` names the field technician a branch head gave each work order and
/// meter visit to: `assigned_to` on the job (null while nobody has it) and every assignment in
/// `metering_assignments`, the last of a job's being the one that holds.
enum MeteringSchema {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("metering.stock-and-work-orders") { db in
            try db.execute(sql: """
                CREATE TABLE metering_work_orders (
                    work_order_id TEXT PRIMARY KEY,
                    request_code TEXT NOT NULL UNIQUE,
                    branch_code TEXT NOT NULL,
                    sequence INTEGER NOT NULL,
                    phase INTEGER NOT NULL CHECK (phase IN (1, 3)),
                    commune_code TEXT NOT NULL,
                    status TEXT NOT NULL CHECK (status IN ('awaiting_meter', 'open', 'completed')),
                    meter_serial TEXT,
                    command_message_id TEXT NOT NULL,
                    traceparent TEXT,
                    requested_at REAL NOT NULL,
                    opened_at REAL,
                    completed_at REAL,
                    completed_by TEXT,
                    initial_reading_kwh INTEGER,
                    seal_numbers TEXT,
                    reading_route TEXT,
                    reading_day INTEGER,
                    UNIQUE (branch_code, sequence)
                );
                CREATE INDEX metering_work_orders_waiting ON metering_work_orders (branch_code, phase, status, requested_at);
                CREATE TABLE metering_meters (
                    serial TEXT PRIMARY KEY,
                    branch_code TEXT NOT NULL,
                    phase INTEGER NOT NULL CHECK (phase IN (1, 3)),
                    verified_on TEXT NOT NULL,
                    valid_until TEXT NOT NULL CHECK (valid_until >= verified_on),
                    status TEXT NOT NULL CHECK (status IN ('in_stock', 'reserved', 'installed')),
                    work_order_id TEXT UNIQUE REFERENCES metering_work_orders (work_order_id),
                    received_at REAL NOT NULL,
                    received_by TEXT NOT NULL
                );
                CREATE INDEX metering_meters_available ON metering_meters (branch_code, phase, status, valid_until);
                """)
        }
        migrator.registerMigration("metering.meter-splits") { db in
            try db.execute(sql: """
                ALTER TABLE metering_work_orders ADD COLUMN split_shared_customer_code TEXT;
                ALTER TABLE metering_work_orders ADD COLUMN split_sub_household_id TEXT;
                ALTER TABLE metering_work_orders ADD COLUMN split_new_customer_code TEXT;
                """)
        }
        // The supply points metering knows (a customer code's meter and reading route, from the
        // contract signed on it or the split that opened it) and the visits field staff make to them.
        migrator.registerMigration("metering.supply-points-and-visits") { db in
            try db.execute(sql: """
                CREATE TABLE metering_supply_points (
                    customer_code TEXT PRIMARY KEY,
                    meter_serial TEXT NOT NULL,
                    branch_code TEXT NOT NULL,
                    reading_route TEXT NOT NULL,
                    reading_day INTEGER NOT NULL CHECK (reading_day BETWEEN 1 AND 28),
                    since REAL NOT NULL
                ) WITHOUT ROWID;
                CREATE TABLE metering_visits (
                    visit_id TEXT PRIMARY KEY,
                    request_code TEXT NOT NULL UNIQUE,
                    branch_code TEXT NOT NULL,
                    sequence INTEGER NOT NULL,
                    customer_code TEXT NOT NULL,
                    purpose TEXT NOT NULL,
                    status TEXT NOT NULL CHECK (status IN ('open', 'done')),
                    meter_serial TEXT,
                    command_message_id TEXT NOT NULL,
                    traceparent TEXT,
                    requested_at REAL NOT NULL,
                    reading_kwh INTEGER,
                    measured_error_percent REAL,
                    accuracy_class REAL,
                    accurate INTEGER,
                    fee_vnd INTEGER,
                    findings TEXT,
                    visited_at REAL,
                    visited_by TEXT,
                    UNIQUE (branch_code, sequence)
                );
                CREATE INDEX metering_visits_branch ON metering_visits (branch_code, status, requested_at);
                """)
        }
        migrator.registerMigration("metering.work-order-request-kind") { db in
            try db.execute(sql: "ALTER TABLE metering_work_orders ADD COLUMN request_kind TEXT")
        }
        migrator.registerMigration("metering.job-assignments") { db in
            try db.execute(sql: """
                ALTER TABLE metering_work_orders ADD COLUMN assigned_to TEXT;
                ALTER TABLE metering_visits ADD COLUMN assigned_to TEXT;
                CREATE TABLE metering_assignments (
                    job_kind TEXT NOT NULL CHECK (job_kind IN ('work_order', 'meter_visit')),
                    job_id TEXT NOT NULL,
                    technician_id TEXT NOT NULL,
                    assigned_by TEXT NOT NULL,
                    assigned_at REAL NOT NULL
                );
                CREATE INDEX metering_assignments_job ON metering_assignments (job_id, assigned_at);
                """)
        }
    }
}
