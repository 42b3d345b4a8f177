import Foundation
import GRDB

/// Incidents as dispatch reads them.
enum IncidentReader {
    /// The incidents of `branchCode` (every branch for `nil`), unrestored ones first, newest first;
    /// `restored` chooses between the unrestored and the restored ones.
    static func incidents(branchCode: String?, restored: Bool, limit: Int, in db: Database) throws -> [IncidentView] {
        var conditions = [restored ? "status = 'restored'" : "status != 'restored'"]
        var arguments: StatementArguments = []
        if let branchCode {
            conditions.append("branch_code = ?")
            arguments += [branchCode]
        }
        arguments += [limit]
        return try Row.fetchAll(db, sql: """
            SELECT * FROM outage_incidents WHERE \(conditions.joined(separator: " AND "))
            ORDER BY opened_at DESC LIMIT ?
            """, arguments: arguments).map { view($0, reports: nil) }
    }

    /// One incident with its reports, oldest first; `nil` when there is none.
    static func incident(_ incidentId: String, in db: Database) throws -> IncidentView? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM outage_incidents WHERE incident_id = ?"),
                                         arguments: [incidentId]) else { return nil }
        let reports = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT report_code, channel, operator_id, customer_code, commune_code, phone_masked, note, counted, reported_at
            FROM outage_reports WHERE incident_id = ? ORDER BY reported_at, report_code
            """), arguments: [incidentId]).map { report in
            IncidentView.Report(
                reportCode: report["report_code"], channel: report["channel"], operatorId: report["operator_id"],
                customerCode: report["customer_code"], communeCode: report["commune_code"], phone: report["phone_masked"],
                note: report["note"], counted: report["counted"], reportedAt: Date(timeIntervalSince1970: report["reported_at"]))
        }
        return view(row, reports: reports)
    }

    /// The branch owning an incident, for the access check before any change.
    static func branch(of incidentId: String, in db: Database) throws -> String? {
        try String.fetchOne(db.cachedStatement(sql: "SELECT branch_code FROM outage_incidents WHERE incident_id = ?"),
                            arguments: [incidentId])
    }

    private static func view(_ row: Row, reports: [IncidentView.Report]?) -> IncidentView {
        let openedAt = Date(timeIntervalSince1970: row["opened_at"])
        return IncidentView(
            incidentId: row["incident_id"], branchCode: row["branch_code"], area: row["area"],
            status: IncidentStatus(rawValue: row["status"]) ?? .open, openedAt: openedAt,
            lastReportAt: Date(timeIntervalSince1970: row["last_report_at"]), reportCount: row["report_count"],
            reporterCount: row["reporter_count"], crew: row["crew"],
            crewAssignedAt: (row["crew_assigned_at"] as Double?).map(Date.init(timeIntervalSince1970:)),
            cause: row["cause"], restoredAt: (row["restored_at"] as Double?).map(Date.init(timeIntervalSince1970:)),
            informBy: openedAt.addingTimeInterval(IncidentView.informWithin), reports: reports)
    }
}
