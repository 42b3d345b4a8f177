import Foundation
import GRDB
import ServiceKit
import StaffAuth
import VietnameseIdentity

/// What dispatch records on an incident (the crew sent, the restoration and its cause), with
/// every check and in one transaction each, for the API and the dispatcher's pages alike, at
/// the time `clock` reads.
struct IncidentActions: Sendable {
    let desk: IncidentDesk
    let writer: GroupCommitWriter
    let store: ServiceStore
    let clock: WallClock

    /// The incident `id` with its reports, when `claims`' branch owns it.
    ///
    /// - Throws: ``APIError`` 404 for an unknown incident, 403 for another branch's.
    func incident(_ id: String, for claims: StaffClaims) async throws -> IncidentView {
        guard let incident = try await store.database.read({ db in try IncidentReader.incident(id, in: db) }) else {
            throw APIError.incidentNotFound
        }
        try claims.requireAccess(unit: incident.branchCode)
        return incident
    }

    /// Names the crew sent to the incident.
    ///
    /// - Throws: ``APIError`` 404/403 as ``incident(_:for:)``, 422 for a missing or bad `crew`, 409 once restored.
    func assignCrew(_ crew: String?, to id: String, by claims: StaffClaims) async throws -> IncidentView {
        let now = clock.preciseNow()
        return try await act(on: id, field: "crew", crew, by: claims) { desk, crew, db in
            try desk.assignCrew(crew, to: id, by: claims.staffId, at: now, in: db)
        }
    }

    /// Records that power is back and why it went: every reporter is told once.
    ///
    /// - Throws: ``APIError`` 404/403 as ``incident(_:for:)``, 422 for a missing or bad `cause`, 409 once restored.
    func restore(_ id: String, cause: String?, by claims: StaffClaims) async throws -> IncidentView {
        let now = clock.preciseNow()
        return try await act(on: id, field: "cause", cause, by: claims) { desk, cause, db in
            try desk.restore(id, cause: cause, by: claims.staffId, at: now, in: db)
        }
    }

    /// Checks the access and the one text `field`, then runs `change` in a write; the incident as it is after.
    private func act(
        on id: String, field: String, _ text: String?, by claims: StaffClaims,
        _ change: @escaping @Sendable (IncidentDesk, String, Database) throws -> IncidentDesk.Outcome
    ) async throws -> IncidentView {
        guard let branch = try await store.database.read({ db in try IncidentReader.branch(of: id, in: db) }) else {
            throw APIError.incidentNotFound
        }
        try claims.requireAccess(unit: branch)
        var validation = Validation()
        let value = validation.required(field, text) { (text: String) throws(OutageProblem) in
            try PlannedOutageRules.text(text, minimum: 2, maximum: PlannedOutageRules.longestCustomerText)
        }
        do { try validation.finish() } catch { throw APIError.invalid(error) }
        let desk = desk
        switch try await writer.write({ db in try change(desk, value!, db) }) {
        case .done: break
        case .notFound: throw APIError.incidentNotFound
        case .restored: throw APIError.incidentRestored
        }
        return try await incident(id, for: claims)
    }
}
