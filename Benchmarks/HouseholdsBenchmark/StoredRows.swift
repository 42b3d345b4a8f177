import Foundation
import GRDB

/// The rows the households program's two imports left in its store, written out (untimed) as
/// SQL files the store-schema baseline reads: one file per table the imports fill, each a
/// script of multi-row `INSERT`s committed every 20,000 rows, as the program commits its
/// import batches.
///
/// Read back from the program's own store, so they are exactly the bytes it holds: names,
/// addresses and ID numbers sealed by its own code under the benchmark's key, fingerprints and
/// masked forms, dossier numbers and counts. The baseline thus does none of the program's
/// reading, validating, sealing or deciding; what is left is what the storage engine must do.
struct StoredRows {
    /// One table's rows in one SQL file.
    struct TableFile {
        let table: String
        let path: String
        let rows: Int
    }

    let imports: TableFile
    let customers: TableFile
    let dossiers: TableFile
    let members: TableFile
    /// The CMIS import's number: the baseline repeats its end-of-import statement for it.
    let customerImportId: Int64

    /// Rows per `INSERT … VALUES` statement.
    static let rowsPerStatement = 500
    /// Rows per transaction: the program's import batch.
    static let rowsPerTransaction = 20_000

    /// Writes the tables the imports filled from `db` into `folder`.
    ///
    /// Rows go in the order the program inserted them (`rowid`), except the customers, kept
    /// without a rowid and so written in key order; the CMIS file lists each branch's customers
    /// in key order, so the program's inserts were already appends to a few dozen branch ranges.
    static func write(from db: Database, into folder: URL) throws -> StoredRows {
        func file(_ table: String, orderedBy order: String) throws -> TableFile {
            try write(table, orderedBy: order, to: folder.appendingPathComponent("\(table).sql").path, from: db)
        }
        guard let customerImport = try Int64.fetchOne(db, sql: """
            SELECT import_id FROM households_imports WHERE kind = 'customers' ORDER BY import_id DESC LIMIT 1
            """) else {
            throw SQLiteShell.Failure(description: "the households store holds no customer import")
        }
        return StoredRows(
            imports: try file("households_imports", orderedBy: "import_id"),
            customers: try file("households_customers", orderedBy: "customer_code"),
            dossiers: try file("households_dossiers", orderedBy: "rowid"),
            members: try file("households_members", orderedBy: "member_id"),
            customerImportId: customerImport)
    }

    private static func write(_ table: String, orderedBy order: String, to path: String, from db: Database) throws -> TableFile {
        let out = try SQLLiteralBuffer(path: path)
        let columns = try db.columns(in: table).map(\.name)
        let insert = "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES\n"
        let rows = try Row.fetchCursor(db, sql: "SELECT \(columns.joined(separator: ", ")) FROM \(table) ORDER BY \(order)")
        var count = 0
        while let row = try rows.next() {
            if count % rowsPerTransaction == 0 { out.append(count == 0 ? "BEGIN;\n" : ";\nCOMMIT;\nBEGIN;\n") }
            out.append(count % rowsPerTransaction == 0 ? insert : count % rowsPerStatement == 0 ? ";\n" + insert : ",\n")
            out.append("(")
            for (index, value) in row.databaseValues.enumerated() {
                if index > 0 { out.append(",") }
                out.append(value)
            }
            out.append(")")
            count += 1
            try out.flushIfFull()
        }
        if count > 0 { out.append(";\nCOMMIT;\n") }
        try out.close()
        return TableFile(table: table, path: path, rows: count)
    }
}
