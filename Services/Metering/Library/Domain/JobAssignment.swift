import Foundation
import GRDB

/// One giving of a job to a field technician: who, by which branch head, when. A job's
/// assignments are all kept (`metering_assignments`); the last one holds.
struct JobAssignment: Sendable, Encodable, FetchableRecord {
    var jobId: String
    var technicianId: String
    var assignedBy: String
    var assignedAt: Date

    init(row: Row) throws {
        jobId = row["job_id"]
        technicianId = row["technician_id"]
        assignedBy = row["assigned_by"]
        assignedAt = Date(timeIntervalSince1970: row["assigned_at"])
    }
}
