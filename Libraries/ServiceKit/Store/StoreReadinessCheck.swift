import GRDB

/// Reports the service ready while its store answers a query.
///
/// `/readyz` uses it so that an orchestrator stops routing work to a service whose database
/// is gone (disk unmounted, file locked by another process).
public struct StoreReadinessCheck: ReadinessCheck {
    public let name = "store"
    private let database: any DatabaseReader

    /// Creates the check for a service's store.
    public init(store: ServiceStore) {
        self.database = store.database
    }

    public func check() async throws -> Bool {
        try await database.read { db in
            try Int.fetchOne(db.cachedStatement(sql: "SELECT 1")) == 1
        }
    }
}
