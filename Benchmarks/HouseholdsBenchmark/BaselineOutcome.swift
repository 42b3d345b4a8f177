/// What one `sqlite3` baseline measured and answered: its step times, in the rows of the
/// results table, and the counts its SQL gave, checked against the planted truth.
struct BaselineOutcome {
    /// Creating the schema before the imports: the households store's tables and indexes for
    /// the store-schema baseline, nothing for the bare one (`.import` creates its tables).
    var createSchema: Duration?
    var importCustomers: Duration
    var importDossiers: Duration
    var duplicates: Duration
    var reconciliation: Duration
    var duplicateIDCases: Int
    var duplicateBookCases: Int
    var repricingCases: Int

    var total: Duration { (createSchema ?? .zero) + importCustomers + importDossiers + duplicates + reconciliation }

    /// Reads the two answers a baseline printed: `ids|books` for the duplicate question, one
    /// count for the reconciliation.
    static func answers(duplicates: String, reconciliation: String) throws -> (ids: Int, books: Int, repricing: Int) {
        let counts = duplicates.split(separator: "|").compactMap { Int($0) }
        guard counts.count == 2, let repricing = Int(reconciliation) else {
            throw SQLiteShell.Failure(description: "unexpected sqlite3 answers: \(duplicates) / \(reconciliation)")
        }
        return (counts[0], counts[1], repricing)
    }
}
