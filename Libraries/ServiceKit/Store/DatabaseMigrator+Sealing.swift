import GRDB
import PersonalData

extension DatabaseMigrator {
    /// Registers migration `identifier`, which seals personal data a table kept in plain text:
    /// each of `columns` is replaced by a BLOB column `<column>_sealed` holding its value sealed
    /// (NULL stays NULL), and the plain column is dropped.
    ///
    /// Rows are sealed in batches of `batchSize` in key order, so a table of a million
    /// customers is never read into memory at once. `secure_delete` is switched on for the
    /// migration's connection first: SQLite then overwrites the freed plain text with zeros
    /// instead of leaving it in free pages of the file.
    ///
    /// - Parameters:
    ///   - table: the table to change.
    ///   - key: its primary-key column (one column, never sealed).
    ///   - columns: the plain-text columns to seal; none may be in an index.
    ///   - personalData: seals the values, under the current key.
    public mutating func registerSealing(_ identifier: String, table: String, key: String, columns: [String],
                                         with personalData: PersonalDataProtector, batchSize: Int = 1_000) {
        registerMigration(identifier) { db in
            try db.execute(sql: "PRAGMA secure_delete = ON")
            for column in columns {
                try db.execute(sql: "ALTER TABLE \(table) ADD COLUMN \(column)_sealed BLOB")
            }
            let plain = columns.joined(separator: ", ")
            let assignments = columns.map { "\($0)_sealed = ?" }.joined(separator: ", ")
            let update = try db.makeStatement(sql: "UPDATE \(table) SET \(assignments) WHERE \(key) = ?")
            var after: DatabaseValue = .null
            while true {
                let rows = try Row.fetchAll(db, sql: """
                    SELECT \(key), \(plain) FROM \(table) WHERE ?1 IS NULL OR \(key) > ?1 ORDER BY \(key) LIMIT \(batchSize)
                    """, arguments: [after])
                guard let last = rows.last else { break }
                for row in rows {
                    let sealed: [DatabaseValueConvertible?] = columns.indices.map { index in
                        (row[index + 1] as String?).map(personalData.seal)
                    }
                    try update.execute(arguments: StatementArguments(sealed + [row[0] as DatabaseValue]))
                }
                after = last[0]
            }
            for column in columns {
                try db.execute(sql: "ALTER TABLE \(table) DROP COLUMN \(column)")
            }
        }
    }
}
