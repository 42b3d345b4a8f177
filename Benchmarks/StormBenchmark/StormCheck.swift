import GRDB

/// What outage's store says after the storm, read from its SQLite file as an operator would.
struct StormCheck {
    /// Accepted report codes outage has no report for.
    let lost: Int
    /// Reports whose incident does not exist, or codes filed more than once.
    let misfiled: Int
    let incidents: Int
    /// Distinct reporters counted over all incidents.
    let reporters: Int

    init(codes: [String], in db: Database) throws {
        let incidentIds = Set(try String.fetchAll(db, sql: "SELECT incident_id FROM outage_incidents"))
        let filed = try Row.fetchAll(db, sql: "SELECT report_code, incident_id FROM outage_reports")
        let filedCodes = Set(filed.map { $0["report_code"] as String })
        lost = Set(codes).subtracting(filedCodes).count
        misfiled = filed.filter { !incidentIds.contains($0["incident_id"]) }.count + (filed.count - filedCodes.count)
        incidents = incidentIds.count
        reporters = try Int.fetchOne(db, sql: "SELECT COALESCE(SUM(reporter_count), 0) FROM outage_incidents") ?? 0
    }
}
