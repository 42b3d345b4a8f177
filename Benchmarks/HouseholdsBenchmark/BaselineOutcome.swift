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
}

extension BaselineOutcome {
    /// The outcome of a baseline whose two questions `sqlite3` answered as `duplicates`
    /// (`ids|books`) and `reconciliation` (one count), each with its step time.
    init(createSchema: Duration?, importCustomers: Duration, importDossiers: Duration,
         duplicates: (output: String, elapsed: Duration), reconciliation: (output: String, elapsed: Duration)) throws {
        let counts = duplicates.output.split(separator: "|").compactMap { Int($0) }
        guard counts.count == 2, let repricing = Int(reconciliation.output) else {
            throw SQLiteShell.Failure(description: "unexpected sqlite3 answers: \(duplicates.output) / \(reconciliation.output)")
        }
        self.init(createSchema: createSchema, importCustomers: importCustomers, importDossiers: importDossiers,
                  duplicates: duplicates.elapsed, reconciliation: reconciliation.elapsed,
                  duplicateIDCases: counts[0], duplicateBookCases: counts[1], repricingCases: repricing)
    }
}
