import Foundation
import WorkingCalendar

/// The yardstick: the `sqlite3` command-line tool imports the same two CSV files into plain
/// tables (all columns TEXT, no index, as `.import` creates them from the header) and answers
/// the same two questions with SQL — what the program must stay within 1.5 × of.
///
/// Each step is its own `sqlite3` process on one fresh database file, timed from launch to
/// exit; the process start is a few milliseconds of steps that take seconds.
struct SQLiteBaseline {
    /// Step times and the answers the SQL gave.
    struct Outcome {
        var importCustomers: Duration
        var importDossiers: Duration
        var duplicates: Duration
        var reconciliation: Duration
        var duplicateIDCases: Int
        var duplicateBookCases: Int
        var repricingCases: Int
        /// The largest resident memory any of the `sqlite3` processes reached, in bytes.
        var peakMemory: Int

        var total: Duration { importCustomers + importDossiers + duplicates + reconciliation }
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    let executable: String
    let database: String

    /// Finds `sqlite3` on the PATH.
    init(database: String) throws {
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":")
        guard let found = directories.map({ "\($0)/sqlite3" }).first(where: FileManager.default.isExecutableFile(atPath:)) else {
            throw Failure(description: "sqlite3 is not on the PATH (scripts/bench-households.sh installs it)")
        }
        executable = found
        self.database = database
    }

    /// Imports both files and runs both queries, counting sub-households valid on `today`.
    func run(_ corporation: GeneratedCorporation, today: CalendarDay) throws -> Outcome {
        try? FileManager.default.removeItem(atPath: database)
        let importCustomers = try sqlite(".import --csv \(Self.quoted(corporation.customersFile)) customers").elapsed
        let firstColumn = try sqlite("SELECT name FROM pragma_table_info('customers') LIMIT 1;").output
        guard firstColumn == "customer_code" else {
            throw Failure(description: "sqlite3 read the CMIS header's first column as \(firstColumn.debugDescription): the byte order mark was kept")
        }
        let importDossiers = try sqlite(".import --csv \(Self.quoted(corporation.dossiersFile)) dossiers").elapsed
        let duplicates = try sqlite(Self.duplicateQuery)
        let reconciliation = try sqlite(Self.reconciliationQuery(today: today))
        let duplicateCounts = duplicates.output.split(separator: "|").compactMap { Int($0) }
        guard duplicateCounts.count == 2, let repricing = Int(reconciliation.output) else {
            throw Failure(description: "unexpected sqlite3 answers: \(duplicates.output) / \(reconciliation.output)")
        }
        return Outcome(
            importCustomers: importCustomers, importDossiers: importDossiers,
            duplicates: duplicates.elapsed, reconciliation: reconciliation.elapsed,
            duplicateIDCases: duplicateCounts[0], duplicateBookCases: duplicateCounts[1],
            repricingCases: repricing, peakMemory: PeakMemory.childrenBytes())
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

    /// Runs one `sqlite3` process with `script` on standard input.
    private func sqlite(_ script: String) throws -> (output: String, elapsed: Duration) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["-batch", "-bail", database]
        let input = Pipe()
        let output = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        let started = ContinuousClock.now
        try process.run()
        try input.fileHandleForWriting.write(contentsOf: Data((script + "\n").utf8))
        try input.fileHandleForWriting.close()
        let printed = output.fileHandleForReading.readDataToEndOfFile()
        let complaints = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let elapsed = ContinuousClock.now - started
        guard process.terminationStatus == 0, complaints.isEmpty else {
            throw Failure(description: "sqlite3 failed (\(process.terminationStatus)): \(String(decoding: complaints, as: UTF8.self))")
        }
        return (String(decoding: printed, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines), elapsed)
    }

    private static func quoted(_ path: String) -> String {
        "\"" + path.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
