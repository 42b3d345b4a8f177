import Foundation
import GRDB
import Logging
import ServiceKit
import StaffAuth
import WorkingCalendar

/// Registers a sub-household on an active dossier, checked against every active dossier of the
/// corporation; a supervisor's override lets a duplicate through.
public struct RegisterSubHousehold: Sendable {
    let writer: GroupCommitWriter
    let access: UnitAccess
    let registry: DossierRegistry
    let validator: SubHouseholdValidator
    let logger: Logger
    let clock: WallClock

    /// Registers a sub-household on the active dossier of `customerCode`.
    public func callAsFunction(_ form: SubHouseholdForm, customerCode: String,
                               by claims: StaffClaims) async throws -> SubHouseholdRegistration {
        let registry = registry
        return try await register(form, override: nil, by: claims) { db in
            guard let dossierId = try registry.activeDossierId(customerCode: customerCode, in: db) else {
                throw HouseholdsRefusal.dossierNotFound
            }
            return dossierId
        }
    }

    /// Registers a sub-household on `dossierId`.
    func callAsFunction(_ form: SubHouseholdForm, dossierId: String, override: OverrideForm?,
                        by claims: StaffClaims) async throws -> SubHouseholdRegistration {
        try await register(form, override: override, by: claims) { _ in dossierId }
    }

    /// Registers `form` on the dossier `dossier` finds, in the transaction that checks the
    /// staff member may act on it.
    private func register(_ form: SubHouseholdForm, override: OverrideForm?, by claims: StaffClaims,
                          dossier: @escaping @Sendable (Database) throws -> String) async throws -> SubHouseholdRegistration {
        let (access, registry, validator) = (access, registry, validator)
        let now = clock.preciseNow()
        let today = CalendarDay(now)
        let (dossierId, change) = try await writer.write { db in
            let dossierId = try dossier(db)
            try access.require(dossierId: dossierId, claims, in: db)
            let sub = try validator.checked(form, today: today)
            let policy = try DuplicatePolicy(override: override, by: claims)
            return (dossierId, try registry.addSubHousehold(sub, to: dossierId, at: now, today: today, duplicates: policy, in: db))
        }
        if case .changed(let dossier, let view) = change {
            logger.info("sub-household registered", metadata: [
                "customer_code": "\(dossier.customerCode)", "dossier_id": "\(dossierId)",
                "sub_household_id": "\(view.subHouseholdId)", "staff_id": "\(claims.staffId)",
                "id_number": "\(view.maskedIdNumber)", "households": "\(dossier.allowance.households)",
                "overridden": "\(override != nil)",
            ])
        }
        return try change.registration(seenBy: claims)
    }
}
