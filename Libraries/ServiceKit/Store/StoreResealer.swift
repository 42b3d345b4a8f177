import Foundation
import GRDB
import PersonalData

/// Rewrites a store's personal data to the current key while the service keeps running:
/// every sealed value and fingerprint made under a previous key is made again under the
/// current one, so the previous key can then be removed from `PERSONAL_DATA_PREVIOUS_KEYS`.
///
/// Rows are read and rewritten in batches, each in its own short write transaction, so the
/// service's own writes wait at most one batch. The service accepts values of either key
/// throughout (``PersonalDataProtector``), so it reads correctly before, during and after; a
/// run that stops half-way is simply run again. A fingerprint whose source is gone (a
/// delivered message's recipient) cannot be made again and is left, as are values no
/// configured key opens, which are counted.
public struct StoreResealer: Sendable {
    /// What a run rewrote.
    public struct Report: Sendable, Equatable {
        /// Rows with at least one value rewritten, per table.
        public var rewritten: [String: Int] = [:]
        /// Values no configured key opens, per table: they stay as they are.
        public var unreadable: [String: Int] = [:]
    }

    let database: any DatabaseWriter
    let personalData: PersonalDataProtector
    let tables: [PersonalDataTable]
    let batchSize: Int

    public init(database: any DatabaseWriter, personalData: PersonalDataProtector, tables: [PersonalDataTable],
                batchSize: Int = 500) {
        self.database = database
        self.personalData = personalData
        self.tables = tables
        self.batchSize = batchSize
    }

    public func run() async throws -> Report {
        var report = Report()
        for table in tables {
            var after: DatabaseValue = .null
            while true {
                let from = after
                guard let batch = try await database.write({ db in try reseal(table, after: from, in: db) }) else { break }
                report.rewritten[table.name, default: 0] += batch.rewritten
                report.unreadable[table.name, default: 0] += batch.unreadable
                after = batch.last
            }
        }
        return report
    }

    /// One batch of `table` after key `after`: `nil` once the table is done.
    private func reseal(_ table: PersonalDataTable, after: DatabaseValue,
                        in db: Database) throws -> (last: DatabaseValue, rewritten: Int, unreadable: Int)? {
        let columns = table.sealed + table.fingerprints.map(\.column)
        let rows = try Row.fetchAll(db, sql: """
            SELECT \(table.key), \(columns.joined(separator: ", ")) FROM \(table.name)
            WHERE ?1 IS NULL OR \(table.key) > ?1 ORDER BY \(table.key) LIMIT \(batchSize)
            """, arguments: [after])
        guard let last = rows.last else { return nil }
        var rewritten = 0
        var unreadable = 0
        for row in rows {
            var changes: [String: any DatabaseValueConvertible] = [:]
            var opened: [String: String] = [:]
            for column in table.sealed {
                guard let sealed = row[column] as Data? else { continue }
                // Opened and sealed again as bytes: a sealed text and a sealed file alike.
                guard let value = try? personalData.openBytes(sealed) else {
                    unreadable += 1
                    continue
                }
                opened[column] = String(decoding: value, as: UTF8.self)
                if personalData.isStale(sealed: sealed) { changes[column] = personalData.seal(bytes: value) }
            }
            for fingerprint in table.fingerprints {
                guard let current = row[fingerprint.column] as String?, personalData.isStale(fingerprint: current),
                      let source = opened[fingerprint.source], let value = fingerprint.value(source) else { continue }
                changes[fingerprint.column] = personalData.fingerprint(value)
            }
            guard !changes.isEmpty else { continue }
            let assignments = changes.keys.sorted()
            try db.execute(
                sql: "UPDATE \(table.name) SET \(assignments.map { "\($0) = ?" }.joined(separator: ", ")) WHERE \(table.key) = ?",
                arguments: StatementArguments(assignments.map { changes[$0]! } + [row[table.key] as DatabaseValue]))
            rewritten += 1
        }
        return (last[table.key], rewritten, unreadable)
    }
}
