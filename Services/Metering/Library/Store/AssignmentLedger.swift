import Foundation
import GRDB

/// The SQL of job assignments: the `assigned_to` of a work order or meter visit, and every
/// assignment before in `metering_assignments`.
enum AssignmentLedger {
    /// Gives the job to `technicianId`, keeping the assignment it replaces in the history;
    /// `false`, changing nothing, when the job is done by now.
    static func assign(_ job: FieldJob, id: String, to technicianId: String, by staffId: String, at assignedAt: Date,
                       in db: Database) throws -> Bool {
        try db.cachedStatement(sql: "UPDATE \(job.table) SET assigned_to = ? WHERE \(job.idColumn) = ? AND status != ?")
            .execute(arguments: [technicianId, id, job.doneStatus])
        guard db.changesCount == 1 else { return false }
        try db.cachedStatement(sql: """
            INSERT INTO metering_assignments (job_kind, job_id, technician_id, assigned_by, assigned_at)
            VALUES (?, ?, ?, ?, ?)
            """).execute(arguments: [job.rawValue, id, technicianId, staffId, assignedAt.timeIntervalSince1970])
        return true
    }

    /// Every assignment of the job, oldest first: the last is the one that holds.
    static func history(_ job: FieldJob, id: String, in db: Database) throws -> [JobAssignment] {
        try JobAssignment.fetchAll(db.cachedStatement(sql: """
            SELECT * FROM metering_assignments WHERE job_kind = ? AND job_id = ? ORDER BY assigned_at, rowid
            """), arguments: [job.rawValue, id])
    }
}
