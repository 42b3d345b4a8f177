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

    /// Today in Vietnam: the day of the expiry list.
    var today: CalendarDay { CalendarDay(clock.preciseNow()) }

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

    /// The entries of each page a whole list is read by: a page's read of the re-pricing list
    /// sorts the active dossiers of customers billed for one household (about 0.1 s on a store
    /// of a million customers), so pages are large, yet a few megabytes.
    static let streamedPageSize = 10_000

    /// The whole re-pricing list of `unit` (every unit's when `nil`), one page at a time.
    func forEachRepricingPage(unit: String?, pageSize: Int = streamedPageSize,
                              _ body: (RepricingList) async throws -> Void) async throws {
        try await forEachPage(pageSize: pageSize, read: { try await repricing(unit: unit, page: $0) },
                              isEmpty: \.entries.isEmpty, next: \.next, body)
    }

    /// Every duplicate case touching `unit` (every unit's when `nil`), one page at a time.
    func forEachDuplicatePage(unit: String?, pageSize: Int = streamedPageSize,
                              _ body: (DuplicateReport) async throws -> Void) async throws {
        try await forEachPage(pageSize: pageSize, read: { try await duplicates(unit: unit, page: $0) },
                              isEmpty: \.cases.isEmpty, next: \.next, body)
    }

    /// The confirmations of `unit` expiring or expired on `today` (the whole list's day, not
    /// each page's), one page at a time; the expired come first.
    func forEachExpiryPage(unit: String?, today: CalendarDay, pageSize: Int = streamedPageSize,
                           _ body: (ExpiryList) async throws -> Void) async throws {
        try await forEachPage(pageSize: pageSize, read: { try await expiring(unit: unit, today: today, page: $0) },
                              isEmpty: { $0.expired.isEmpty && $0.expiringSoon.isEmpty }, next: \.next, body)
    }

    /// A whole list handed to `body` one page of `pageSize` entries at a time, each page read on
    /// its own: a corporation's list of tens of thousands of entries, with their names, is never
    /// held whole, and no read keeps the store for the length of the list.
    private func forEachPage<List>(pageSize: Int, read: (ListPage) async throws -> List, isEmpty: (List) -> Bool,
                                   next: (List) -> String?, _ body: (List) async throws -> Void) async throws {
        var page = ListPage(after: nil, limit: pageSize)
        while true {
            let list = try await read(page)
            if !isEmpty(list) { try await body(list) }
            guard let after = next(list) else { return }
            page.after = after
        }
    }

    /// How many customers the re-pricing list of `unit` holds (every unit's when `nil`).
    func repricingCount(unit: String?) async throws -> Int {
        let reconciliation = reconciliation
        return try await store.database.read { db in try reconciliation.count(unit: unit, in: db) }
    }

    /// The residence confirmations of `unit` expiring within 30 days or expired; with a `page`,
    /// only its households, and where the next page starts when one follows.
    func expiring(unit: String?, today: CalendarDay? = nil, page: ListPage? = nil) async throws -> ExpiryList {
        let expiry = expiry
        let today = today ?? self.today
        return try await store.database.read { db in try expiry.list(unit: unit, today: today, page: page, in: db) }
    }

    /// The monthly split report of `unit` for the month starting on `firstDay`.
    func splitReport(unit: String?, month firstDay: CalendarDay) async throws -> SplitReport {
        let splits = splits
        return try await store.database.read { db in try splits.report(unit: unit, month: firstDay, in: db) }
    }
}
