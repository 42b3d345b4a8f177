import Foundation
import Messaging
import ServiceKit
import StaffAuth
import StaffDirectory

/// Giving a work order or a meter visit to a field technician of its branch, the same for the
/// API and the dispatch page; giving it again moves it, and every assignment is kept.
///
/// The technician must be a `field_technician` of the job's own branch as the staff directory
/// has them now (422 `technicianId` otherwise, 503 while the directory does not answer), as crm
/// checks the officers it gives tickets to: metering keeps no roster of its own.
struct JobAssignments: Sendable {
    let work: FieldWork
    let directory: StaffDirectory

    /// `POST …/assignment`'s answer: who has the job now, and every assignment before.
    struct View: Encodable, Sendable {
        var jobId: String
        var assignedTo: String?
        var history: [JobAssignment]
    }

    /// The accessible job's assignments.
    func view(_ job: FieldJob, id: String, claims: StaffClaims) async throws -> View {
        _ = try await openness(job, id: id, claims: claims)
        let history = try await work.store.database.read { db in try AssignmentLedger.history(job, id: id, in: db) }
        return View(jobId: id, assignedTo: history.last?.technicianId, history: history)
    }

    /// Gives the job to the technician `form` names, on `claims`' (a branch head's) authority.
    ///
    /// - Throws: ``APIError`` 404/403 for an unknown job or another branch's, 409 once it is done,
    ///   422 for a missing id or a person who is not a technician of the branch, 503 while the
    ///   directory does not answer.
    func assign(_ job: FieldJob, id: String, _ form: TechnicianAssignmentForm, claims: StaffClaims) async throws -> View {
        let technicianId = try form.validated()
        let (branchCode, done) = try await openness(job, id: id, claims: claims)
        guard !done else { throw Self.doneRefusal(job) }
        try await directory.requireMember(technicianId, of: branchCode, holding: .fieldTechnician,
                                          refusing: .notBranchTechnician)
        let now = work.clock.preciseNow().wholeSeconds
        // The job may have been done while the directory was asked.
        let given = try await work.writer.write { db in
            try AssignmentLedger.assign(job, id: id, to: technicianId, by: claims.staffId, at: now, in: db)
        }
        guard given else { throw Self.doneRefusal(job) }
        return try await view(job, id: id, claims: claims)
    }

    /// The job's branch and whether it is done, when `claims` may see it.
    private func openness(_ job: FieldJob, id: String, claims: StaffClaims) async throws -> (String, Bool) {
        switch job {
        case .workOrder:
            let order = try await work.order(id: id, for: claims)
            return (order.branchCode, order.status == .completed)
        case .meterVisit:
            let visit = try await work.visit(id: id, for: claims)
            return (visit.branchCode, visit.status == .done)
        }
    }

    private static func doneRefusal(_ job: FieldJob) -> APIError {
        switch job {
        case .workOrder: .workOrderCompleted
        case .meterVisit: .visitDone
        }
    }
}
