import Foundation
import Logging
import ServiceKit
import StaffAuth
import WorkingCalendar

/// Ends a sub-household: it no longer shares the meter (moved away, tenants left).
struct EndSubHousehold: Sendable {
    let writer: GroupCommitWriter
    let access: UnitAccess
    let registry: DossierRegistry
    let logger: Logger
    let clock: WallClock

    func callAsFunction(_ reference: SubHouseholdReference, by claims: StaffClaims) async throws -> SubHouseholdView {
        let (access, registry) = (access, registry)
        let now = clock.preciseNow()
        let change = try await writer.write { db in
            try access.require(reference, claims, in: db)
            return try registry.endSubHousehold(memberId: reference.memberId, at: now, today: CalendarDay(now), in: db)
        }
        let view = try change.household()
        if case .changed(let dossier, _) = change {
            logger.info("sub-household ended", metadata: [
                "customer_code": "\(dossier.customerCode)", "sub_household_id": "\(reference)",
                "staff_id": "\(claims.staffId)", "households": "\(dossier.allowance.households)",
            ])
        }
        return view
    }
}
