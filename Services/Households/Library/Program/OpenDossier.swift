import Foundation
import Logging
import ServiceKit
import StaffAuth
import WorkingCalendar

/// Opens a dossier unit staff type in from their records: the holder and its sub-households,
/// checked against every active dossier of the corporation (a supervisor may override).
struct OpenDossier: Sendable {
    let writer: GroupCommitWriter
    let registry: DossierRegistry
    let validator: DossierValidator
    let logger: Logger
    let clock: WallClock

    /// - Parameter unit: the unit the staff member acts for: their own, or `nil` for corporation
    ///   staff, whose form names it.
    func callAsFunction(_ form: DossierForm, unit: String?, by claims: StaffClaims) async throws -> DossierOpening {
        let now = clock.preciseNow()
        let dossier: NewDossier
        do {
            dossier = try validator.validate(form, unit: unit, origin: .records, today: CalendarDay(now))
        } catch {
            throw HouseholdsRefusal.invalid(error)
        }
        let policy = try DuplicatePolicy(override: form.override, by: claims)
        let registry = registry
        switch try await writer.write({ db in
            try registry.register(dossier, by: claims.staffId, at: now, today: CalendarDay(now), duplicates: policy, in: db)
        }) {
        case .registered(let view):
            logger.info("dossier registered from records", metadata: [
                "dossier_id": "\(view.dossierId)", "unit": "\(view.unit)", "customer_code": "\(view.customerCode)",
                "staff_id": "\(claims.staffId)", "sub_households": "\(view.members.count - 1)",
                "households": "\(view.allowance.households)", "overridden": "\(form.override != nil)",
            ])
            return .registered(view)
        case .customerCodeActive:
            throw HouseholdsRefusal.customerCodeActive
        case .duplicates(let conflict):
            return .duplicates(conflict.seen(by: claims))
        }
    }
}
