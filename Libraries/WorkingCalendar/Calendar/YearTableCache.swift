import Synchronization

/// Year tables computed on first use and kept, shared by all copies of a
/// ``WorkingCalendar``.
///
/// A class behind the value type so that copying a calendar does not copy or recompute
/// its years, with a lock because one calendar serves concurrent requests. The tables are
/// immutable once stored; the only mutable state is the dictionary, inside the mutex.
final class YearTableCache: Sendable {
    private let resolver: HolidayResolver
    private let tables = Mutex<[Int: YearTable]>([:])

    init(resolver: HolidayResolver) {
        self.resolver = resolver
    }

    func table(for year: Int) -> YearTable {
        if let table = tables.withLock({ $0[year] }) {
            return table
        }
        // Computed outside the lock: two threads may both compute a year once, which is
        // harmless, and no lookup waits behind a computation.
        let table = resolver.table(for: year)
        return tables.withLock { tables in
            if let existing = tables[year] { return existing }
            tables[year] = table
            return table
        }
    }
}
