import Foundation
import Logging
import ServiceKit
import StaffAuth
import WorkingCalendar

/// Replaces a sub-household's details (a renewed confirmation, tenants who came or went); the
/// ID number and household book are checked again.
struct UpdateSubHousehold: Sendable {
    let writer: GroupCommitWriter
    let access: UnitAccess
    let registry: DossierRegistry
    let validator: SubHouseholdValidator
    let logger: Logger
    let clock: WallClock

    func callAsFunction(_ form: SubHouseholdForm, reference: SubHouseholdReference, override: OverrideForm?,
                        by claims: StaffClaims) async throws -> SubHouseholdRegistration {
        let (access, registry, validator) = (access, registry, validator)
        let now = clock.preciseNow()
        let today = CalendarDay(now)
        let change = try await writer.write { db in
            try access.require(reference, claims, in: db)
            let sub = try validator.checked(form, today: today)
            let policy = try DuplicatePolicy(override: override, by: claims)
            return try registry.updateSubHousehold(memberId: reference.memberId, with: sub, at: now, today: today,
                                                   duplicates: policy, in: db)
        }
        if case .changed(let dossier, let view) = change {
            logger.info("sub-household updated", metadata: [
                "customer_code": "\(dossier.customerCode)", "sub_household_id": "\(reference)",
                "staff_id": "\(claims.staffId)", "counting": "\(view.counting)", "households": "\(dossier.allowance.households)",
            ])
        }
        return try change.registration(seenBy: claims)
    }
}
