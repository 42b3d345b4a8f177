import Contracts
import Foundation
import ServiceKit
import StaffAuth

/// Planned outages as dispatch schedules them, with the rules of Circular 22/2020/TT-BCT and in
/// one transaction each, for the API and the dispatcher's pages alike, at the time `clock` reads.
struct PlannedOutageSchedule: Sendable {
    let rules: PlannedOutageRules
    let desk: PlannedOutageDesk
    let writer: GroupCommitWriter
    let store: ServiceStore
    let clock: WallClock

    /// The planned outages of `claims`' branch (corporation staff: the one named, else every
    /// branch's) not yet over, soonest first.
    ///
    /// - Throws: ``APIError`` 403 when branch staff name another branch.
    func outages(branchCode named: String?, for claims: StaffClaims) async throws -> [PlannedOutage] {
        let branch = try claims.actingUnit(named: named, field: "branchCode") ?? named
        let now = clock.preciseNow()
        return try await store.database.read { db in try PlannedOutageReader.outages(branchCode: branch, from: now, in: db) }
    }

    /// Schedules `form` for `claims`' branch (corporation staff name it) and asks notification
    /// to text every customer of its communes.
    ///
    /// - Throws: ``APIError`` 422 with every field error at once (the five-day notice without an
    ///   urgent reason on `urgentReason`), 403 when branch staff name another branch.
    func schedule(_ form: PlannedOutageForm, by claims: StaffClaims) async throws -> PlannedOutageDesk.Outcome {
        let now = clock.preciseNow()
        let unit = try claims.actingUnit(named: form.branchCode, field: "branchCode")
        let checked = try checked(form, unit: unit, now: now)
        let desk = desk
        return try await writer.write { db in try desk.create(checked, by: claims.staffId, at: now, in: db) }
    }

    /// `form` after every rule; 422 with every field error at once.
    func checked(_ form: PlannedOutageForm, unit: String?, previousStart: Date? = nil, now: Date) throws
        -> PlannedOutageRules.Checked {
        do {
            return try rules.check(form, unit: unit, previousStart: previousStart, now: now)
        } catch {
            throw APIError.invalid(error)
        }
    }
}
