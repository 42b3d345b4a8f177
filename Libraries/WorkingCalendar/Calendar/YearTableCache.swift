import Foundation

/// Year tables computed on first use and kept, shared by all copies of a
/// ``WorkingCalendar``.
///
/// A class behind the value type so that copying a calendar does not copy or recompute
/// its years, with a lock because one calendar serves concurrent requests. `NSLock`
/// rather than `Synchronization.Mutex` keeps the library usable on Apple platforms older
/// than macOS 15. The tables are immutable once stored, so `@unchecked Sendable` is sound:
/// the only mutable state is the dictionary, touched only under the lock.
final class YearTableCache: @unchecked Sendable {
    private let resolver: HolidayResolver
    private let lock = NSLock()
    private var tables: [Int: YearTable] = [:]

    init(resolver: HolidayResolver) {
        self.resolver = resolver
    }

    func table(for year: Int) -> YearTable {
        if let table = lock.withLock({ tables[year] }) {
            return table
        }
        // Computed outside the lock: two threads may both compute a year once, which is
        // harmless, and no lookup waits behind a computation.
        let table = resolver.table(for: year)
        return lock.withLock {
            if let existing = tables[year] { return existing }
            tables[year] = table
            return table
        }
    }
}
