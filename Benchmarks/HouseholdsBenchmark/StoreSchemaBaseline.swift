import Foundation

/// The fair yardstick, the one the end-to-end target is judged against: the `sqlite3`
/// command-line tool does the work the program's storage engine must do and nothing else. It
/// creates the households store's real schema with all its indexes (``StoreSchema``), inserts
/// the rows the program's imports stored, already sealed and fingerprinted (``StoredRows``), and
/// answers the duplicate and reconciliation questions the way the program asks them, over the
/// same tables and indexes.
///
/// Every connection runs with the store's settings (write-ahead log, `synchronous = FULL`,
/// `secure_delete`, foreign keys; the imports with the program's import page cache, ending, as
/// the program's do, with a checkpoint), so the commits are as durable as the program's.
/// What it leaves out is the program's own work: reading and validating the files, sealing,
/// fingerprinting, numbering dossiers and counting households.
struct StoreSchemaBaseline {
    let shell: SQLiteShell

    init(database: String) throws {
        shell = try SQLiteShell(database: database)
    }

    func run(schema: StoreSchema, rows: StoredRows) throws -> BaselineOutcome {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: shell.database + suffix) }
        let createSchema = try shell.run(Self.connection + "PRAGMA journal_mode = WAL;\n" + schema.script).elapsed
        let importCustomers = try shell.run(
            Self.connection + Self.importing + Self.read(rows.imports) + Self.read(rows.customers)
                + Self.markDeparted(importId: rows.customerImportId) + Self.checkpoint).elapsed
        let importDossiers = try shell.run(
            Self.connection + Self.importing + Self.read(rows.dossiers) + Self.read(rows.members) + Self.checkpoint).elapsed
        let duplicates = try shell.run(Self.connection + Self.duplicateQuery)
        let reconciliation = try shell.run(Self.connection + Self.reconciliationQuery)
        return try BaselineOutcome(createSchema: createSchema, importCustomers: importCustomers, importDossiers: importDossiers,
                                   duplicates: duplicates, reconciliation: reconciliation)
    }

    /// The settings `ServiceStore` gives its writer (and GRDB's 5 s busy wait); the pragmas'
    /// own answers are sent to /dev/null so a step prints only its result.
    static let connection = """
        .timeout 5000
        .output /dev/null
        PRAGMA synchronous = FULL;
        PRAGMA secure_delete = ON;
        PRAGMA foreign_keys = ON;
        .output stdout

        """

    /// The page cache the program's imports set for their writer (160 MiB).
    static let importing = "PRAGMA cache_size = -163840;\n"

    /// The program's last words after an import: the write-ahead log folded into the database.
    static let checkpoint = ".output /dev/null\nPRAGMA wal_checkpoint(TRUNCATE);\n.output stdout\n"

    static func read(_ file: StoredRows.TableFile) -> String {
        ".read \(SQLiteShell.quoted(file.path))\n"
    }

    /// The statement the CMIS import ends with: its branches' customers it did not see leave the export.
    static func markDeparted(importId: Int64) -> String {
        """
        UPDATE households_customers SET in_export = 0, left_at = unixepoch()
        WHERE in_export = 1 AND last_import <> \(importId)
            AND branch IN (SELECT DISTINCT branch FROM households_customers WHERE last_import = \(importId));

        """
    }

    /// The duplicate report's question: fingerprints of ID numbers, and of household books,
    /// held by current members of more than one dossier.
    static let duplicateQuery = """
        SELECT
          (SELECT count(*) FROM (SELECT 1 FROM households_members m JOIN households_dossiers d ON d.dossier_id = m.dossier_id
             WHERE m.left_at IS NULL AND m.id_fingerprint IS NOT NULL
             GROUP BY m.id_fingerprint HAVING count(DISTINCT m.dossier_id) > 1)),
          (SELECT count(*) FROM (SELECT 1 FROM households_members m JOIN households_dossiers d ON d.dossier_id = m.dossier_id
             WHERE m.left_at IS NULL AND m.book_fingerprint IS NOT NULL
             GROUP BY m.book_fingerprint HAVING count(DISTINCT m.dossier_id) > 1));
        """

    /// The repricing list's question: customers in the export whose billed count differs from
    /// the count their active dossier keeps (4 quarters without one), by the same two index walks.
    static let reconciliationQuery = """
        SELECT count(*) FROM (
          SELECT c.customer_code FROM households_customers c INDEXED BY households_customers_shared
          LEFT JOIN households_dossiers d ON d.customer_code = c.customer_code AND d.status = 'active'
          WHERE c.household_quarters > 4 AND c.in_export = 1 AND c.household_quarters <> COALESCE(d.effective_quarters, 4)
          UNION ALL
          SELECT c.customer_code FROM households_dossiers d JOIN households_customers c ON c.customer_code = d.customer_code
          WHERE d.status = 'active' AND c.in_export = 1 AND c.household_quarters <= 4
            AND d.effective_quarters <> c.household_quarters);
        """
}
