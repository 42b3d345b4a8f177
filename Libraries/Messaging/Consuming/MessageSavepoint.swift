import GRDB

/// The savepoint each message of a committed run is handled in, so that one failing message
/// rolls back alone while the others commit together.
///
/// Written with cached statements rather than GRDB's `inSavepoint`, which prepares its
/// `SAVEPOINT` and `RELEASE` statements anew for every message: preparing (parse and
/// authorizer) was a sixth of a busy consumer's CPU.
enum MessageSavepoint {
    /// Runs `body` inside the savepoint: released when it returns, rolled back when it throws.
    static func run(in db: Database, _ body: () throws -> Void) throws {
        try db.cachedStatement(sql: "SAVEPOINT message").execute()
        do {
            try body()
        } catch {
            try db.cachedStatement(sql: "ROLLBACK TO SAVEPOINT message").execute()
            try db.cachedStatement(sql: "RELEASE SAVEPOINT message").execute()
            throw error
        }
        try db.cachedStatement(sql: "RELEASE SAVEPOINT message").execute()
    }
}
