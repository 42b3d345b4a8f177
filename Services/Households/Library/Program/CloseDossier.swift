import Foundation
import Logging
import ServiceKit
import StaffAuth
import WorkingCalendar

/// Closes a dossier: its households stop counting and leave the duplicate check.
struct CloseDossier: Sendable {
    let writer: GroupCommitWriter
    let access: UnitAccess
    let registry: DossierRegistry
    let logger: Logger
    let clock: WallClock

    func callAsFunction(id: String, by claims: StaffClaims) async throws -> DossierView {
        let access = access
        let registry = registry
        let now = clock.preciseNow()
        switch try await writer.write({ db in
            try access.require(dossierId: id, claims, in: db)
            return try registry.close(id: id, by: claims.staffId, at: now, today: CalendarDay(now), in: db)
        }) {
        case .closed(let view):
            logger.info("dossier closed", metadata: [
                "dossier_id": "\(id)", "unit": "\(view.unit)", "customer_code": "\(view.customerCode)",
                "staff_id": "\(claims.staffId)",
            ])
            return view
        case .alreadyClosed: throw HouseholdsRefusal.dossierClosed
        case .notFound: throw HouseholdsRefusal.dossierNotFound
        }
    }
}
