import Foundation
import WorkingCalendar

/// The bare yardstick: the `sqlite3` command-line tool imports the same two CSV files into
/// plain tables (all columns TEXT, no index, as `.import` creates them from the header) and
/// answers the same two questions with SQL. Nothing is sealed or fingerprinted and nothing is
/// indexed, so it is a floor rather than a fair comparison: the target is judged against
/// ``StoreSchemaBaseline``, and this one is printed beside it.
struct BareBaseline {
    let shell: SQLiteShell

    init(database: String) throws {
        shell = try SQLiteShell(database: database)
    }

    /// Imports both files and runs both queries, counting sub-households valid on `today`.
    func run(_ corporation: GeneratedCorporation, today: CalendarDay) throws -> BaselineOutcome {
        try? FileManager.default.removeItem(atPath: shell.database)
        let importCustomers = try shell.run(".import --csv \(SQLiteShell.quoted(corporation.customersFile)) customers").elapsed
        let firstColumn = try shell.run("SELECT name FROM pragma_table_info('customers') LIMIT 1;").output
        guard firstColumn == "customer_code" else {
            throw SQLiteShell.Failure(description: "sqlite3 read the CMIS header's first column as \(firstColumn.debugDescription): the byte order mark was kept")
        }
        let importDossiers = try shell.run(".import --csv \(SQLiteShell.quoted(corporation.dossiersFile)) dossiers").elapsed
        let duplicates = try shell.run(Self.duplicateQuery)
        let reconciliation = try shell.run(Self.reconciliationQuery(today: today))
        return try BaselineOutcome(createSchema: nil, importCustomers: importCustomers, importDossiers: importDossiers,
                                   duplicates: duplicates, reconciliation: reconciliation)
    }

    /// ID numbers, and household book numbers, found in more than one customer's dossier.
    static let duplicateQuery = """
        SELECT
          (SELECT count(*) FROM (SELECT 1 FROM dossiers WHERE id_number <> ''
             GROUP BY id_number HAVING count(DISTINCT customer_code) > 1)),
          (SELECT count(*) FROM (SELECT 1 FROM dossiers WHERE household_book <> ''
             GROUP BY household_book HAVING count(DISTINCT customer_code) > 1));
        """

    /// Shared customers (CMIS count ≥ 2) whose count, in quarters, differs from 4 for the
    /// main household plus each sub-household valid on `today` (persons, or 4 for an
    /// ordinary household); a customer without a dossier supports 4.
    static func reconciliationQuery(today: CalendarDay) -> String {
        """
        WITH effective AS (
          SELECT customer_code,
                 4 + sum(CASE WHEN role = 'sub'
                               AND (confirmation_valid_until = '' OR confirmation_valid_until >= '\(today.description)')
                              THEN coalesce(CAST(nullif(persons, '') AS INTEGER), 4) ELSE 0 END) AS quarters
          FROM dossiers GROUP BY customer_code)
        SELECT count(*)
        FROM customers LEFT JOIN effective USING (customer_code)
        WHERE CAST(household_count AS REAL) >= 2
          AND CAST(round(CAST(household_count AS REAL) * 4) AS INTEGER) <> coalesce(effective.quarters, 4);
        """
    }
}
