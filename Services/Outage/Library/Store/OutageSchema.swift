import GRDB
import ServiceKit

/// Outage's tables, as named migrations registered in order; never edit one once shipped.
///
/// - `outage_supply_points`: the billing system's customers by area (branch, commune and,
///   where known, transformer station) with the phone planned-outage notices go to, sealed.
///   `contract_number` is set when the row came from crm's signed contract (`imported_at` is
///   then the signature); the billing system's CSV no longer replaces such a row.
/// - `outage_incidents`: one row per outage of an area, from its first report to its restoration.
///   A report joins the newest unrestored incident of its area whose last report is within the
///   incident window (`outage_incidents_taking`), else it opens one.
/// - `outage_reports`: every report received, each under exactly one incident. `counted` is 1
///   for a reporter's first report in the incident, 0 for a repeat (same customer code, or
///   same phone): the partial unique index keeps one counted report per reporter.
/// - `outage_planned` and `outage_planned_areas`: the planned-outage schedule and the
///   communes each outage covers.
/// - `outage_sequences`: the next number of each branch's incidents (`SC-`) and planned outages (`KH-`).
enum OutageSchema {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("outage.incidents-and-planned-outages") { db in
            try db.execute(sql: """
                CREATE TABLE outage_supply_points (
                    customer_code TEXT PRIMARY KEY,
                    branch_code TEXT NOT NULL,
                    commune_code TEXT NOT NULL,
                    station_code TEXT,
                    phone_sealed BLOB,
                    phone_masked TEXT,
                    imported_at REAL NOT NULL
                ) WITHOUT ROWID;
                CREATE INDEX outage_supply_points_area ON outage_supply_points (branch_code, commune_code);
                CREATE TABLE outage_sequences (
                    name TEXT PRIMARY KEY,
                    value INTEGER NOT NULL
                ) WITHOUT ROWID;
                CREATE TABLE outage_incidents (
                    incident_id TEXT PRIMARY KEY,
                    branch_code TEXT NOT NULL,
                    branch_name TEXT NOT NULL,
                    branch_hotline TEXT NOT NULL,
                    area TEXT NOT NULL,
                    status TEXT NOT NULL CHECK (status IN ('open', 'crew_assigned', 'restored')),
                    opened_at REAL NOT NULL,
                    last_report_at REAL NOT NULL,
                    report_count INTEGER NOT NULL,
                    reporter_count INTEGER NOT NULL,
                    crew TEXT,
                    crew_assigned_at REAL,
                    crew_assigned_by TEXT,
                    cause TEXT,
                    restored_at REAL,
                    restored_by TEXT
                );
                CREATE INDEX outage_incidents_taking ON outage_incidents (branch_code, area, last_report_at)
                    WHERE status != 'restored';
                CREATE INDEX outage_incidents_branch ON outage_incidents (branch_code, status, opened_at);
                CREATE TABLE outage_reports (
                    report_code TEXT PRIMARY KEY,
                    incident_id TEXT NOT NULL REFERENCES outage_incidents (incident_id),
                    reporter_key TEXT NOT NULL,
                    counted INTEGER NOT NULL CHECK (counted IN (0, 1)),
                    channel TEXT NOT NULL,
                    operator_id TEXT,
                    customer_code TEXT,
                    commune_code TEXT,
                    phone_sealed BLOB NOT NULL,
                    phone_masked TEXT NOT NULL,
                    note TEXT,
                    reported_at REAL NOT NULL,
                    received_at REAL NOT NULL
                ) WITHOUT ROWID;
                CREATE UNIQUE INDEX outage_reports_reporter ON outage_reports (incident_id, reporter_key) WHERE counted = 1;
                CREATE INDEX outage_reports_incident ON outage_reports (incident_id, reported_at);
                CREATE TABLE outage_planned (
                    planned_outage_id TEXT PRIMARY KEY,
                    branch_code TEXT NOT NULL,
                    branch_name TEXT NOT NULL,
                    branch_hotline TEXT NOT NULL,
                    location TEXT NOT NULL,
                    reason TEXT NOT NULL,
                    starts_at REAL NOT NULL,
                    ends_at REAL NOT NULL CHECK (ends_at > starts_at),
                    status TEXT NOT NULL CHECK (status IN ('scheduled', 'cancelled')),
                    revision INTEGER NOT NULL,
                    urgent_reason TEXT,
                    cancellation_reason TEXT,
                    created_at REAL NOT NULL,
                    created_by TEXT NOT NULL,
                    updated_at REAL NOT NULL,
                    updated_by TEXT NOT NULL
                );
                CREATE INDEX outage_planned_branch ON outage_planned (branch_code, starts_at);
                CREATE TABLE outage_planned_areas (
                    commune_code TEXT NOT NULL,
                    planned_outage_id TEXT NOT NULL REFERENCES outage_planned (planned_outage_id),
                    PRIMARY KEY (commune_code, planned_outage_id)
                ) WITHOUT ROWID;
                """)
        }
        migrator.registerMigration("outage.supply-points-from-contracts") { db in
            try db.execute(sql: "ALTER TABLE outage_supply_points ADD COLUMN contract_number TEXT")
        }
    }

    /// The columns `evnctl reseal` rewrites after a key change. A phone reporter's key in
    /// `outage_reports` is left: it only tells repeat reports apart within an open incident.
    static let personalDataTables = [
        PersonalDataTable("outage_supply_points", key: "customer_code", sealed: ["phone_sealed"]),
        PersonalDataTable("outage_reports", key: "report_code", sealed: ["phone_sealed"]),
    ]
}
