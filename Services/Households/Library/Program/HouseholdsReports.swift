import Foundation
import ServiceKit
import WorkingCalendar

/// The program's reports, read from the store as it is: duplicates and overrides, the
/// re-pricing list, residence confirmations ending, the monthly split report. Which unit a
/// report may cover is the caller's to decide (the endpoint or page resolves it from the staff member).
public struct HouseholdsReports: Sendable {
    let store: ServiceStore
    let duplicateIndex: DuplicateIndex
    let reconciliation: Reconciliation
    let expiry: ResidenceExpiry
    let splits: SplitReportReader
    let clock: WallClock

    /// This month in Vietnam, `YYYY-MM`: the split report's month when none is asked for.
    var thisMonth: String {
        String(CalendarDay(clock.preciseNow()).description.prefix(7))
    }

    /// Every duplicate of the corporation, or those touching `unit`; with a `page`, only its
    /// cases, and where the next page starts when one follows.
    public func duplicates(unit: String?, page: ListPage? = nil) async throws -> DuplicateReport {
        let index = duplicateIndex
        let now = clock.preciseNow()
        return try await store.database.read { db in try index.report(unit: unit, page: page, at: now, in: db) }
    }

    /// The latest supervisors' overrides of the duplicate check on dossiers of `unit` (every
    /// unit's when `nil`), at most `limit`.
    func overrides(unit: String?, limit: Int = 50) async throws -> [OverrideRecord] {
        let index = duplicateIndex
        return try await store.database.read { db in try index.overrides(unit: unit, limit: limit, in: db) }
    }

    /// The re-pricing list of `unit` (every unit when `nil`), from the counts the dossiers keep.
    ///
    /// Only reads: a confirmation that ended stops counting at the next residence pass (at
    /// start-up and daily at `RESIDENCE_CHECK_AT`, before the branches open), not here, so the
    /// list answers at once even while a pass recounts a corporation's store.
    /// With a `page`, only its entries, and where the next page starts when one follows.
    public func repricing(unit: String?, page: ListPage? = nil) async throws -> RepricingList {
        let reconciliation = reconciliation
        let entries = try await store.database.read { db in try reconciliation.differences(unit: unit, page: page, in: db) }
        let next = page.flatMap { $0.next(entries, key: \.customerCode) }
        return RepricingList(generatedAt: clock.preciseNow(), unit: unit, entries: entries, next: next)
    }

    /// The residence confirmations of `unit` expiring within 30 days or expired; with a `page`,
    /// only its households, and where the next page starts when one follows.
    func expiring(unit: String?, page: ListPage? = nil) async throws -> ExpiryList {
        let expiry = expiry
        let today = CalendarDay(clock.preciseNow())
        return try await store.database.read { db in try expiry.list(unit: unit, today: today, page: page, in: db) }
    }

    /// The monthly split report of `unit` for the month starting on `firstDay`.
    func splitReport(unit: String?, month firstDay: CalendarDay) async throws -> SplitReport {
        let splits = splits
        return try await store.database.read { db in try splits.report(unit: unit, month: firstDay, in: db) }
    }
}
