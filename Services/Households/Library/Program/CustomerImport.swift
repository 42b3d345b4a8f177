import CSV
import Foundation
import GRDB
import Logging
import ServiceKit

/// Imports the billing system's (CMIS) customer export: adds and updates customers, reports
/// each bad row with its line and reason, and at the end marks the customers of the export's
/// branches that left it.
public struct CustomerImport: Sendable {
    static let batchSize = 20_000

    let database: DatabasePool
    let pageCache: BatchJobPageCache
    let customers: CustomerLedger
    let imports: ImportLedger
    let logger: Logger
    let clock: WallClock

    /// Imports `reader`'s rows; `source` names the file in the import's record.
    func run(_ reader: CSVReader, source: String, by staffId: String, at now: Date) async throws -> ImportSummary {
        let customers = customers
        let pipeline = ImportPipeline<(line: Int, customer: CustomerLedger.Sealed), Void>(
            database: database, pageCache: pageCache, imports: imports, kind: .customers, batchSize: Self.batchSize, logger: logger)
        return try await pipeline.run(
            reader, source: source, by: staffId, at: now, columns: CustomerRecordParser.columns, state: (),
            parser: { header in
                let parser = CustomerRecordParser(header: header)
                return { record in
                    parser.parse(record).map { (record.line, customers.seal($0)) }.mapError { RejectedRow($0, line: record.line) }
                }
            },
            write: { rows, _, importId, db in
                var batch = ImportPipeline<(line: Int, customer: CustomerLedger.Sealed), Void>.Batch()
                for row in rows {
                    switch try customers.upsert(row.customer, importId: importId, at: now, in: db) {
                    case .added: batch.added += 1
                    case .updated: batch.updated += 1
                    case .unchanged: batch.unchanged += 1
                    case .repeated:
                        batch.rejected.append(ImportProblem.repeatedCustomer.rejection(line: row.line, field: "customer_code"))
                    }
                }
                return (batch, ())
            },
            finish: { importId, db in try customers.markDeparted(importId: importId, at: now, in: db) })
    }
}

extension CustomerImport {
    /// Imports the billing system's customer export at `path`.
    public func callAsFunction(csvFile path: String, by staffId: String) async throws -> ImportSummary {
        try await callAsFunction(CSVReader(path: path), source: path, by: staffId)
    }

    /// Imports `reader`'s rows, now; `source` names the file in the import's record.
    func callAsFunction(_ reader: CSVReader, source: String, by staffId: String) async throws -> ImportSummary {
        try await run(reader, source: source, by: staffId, at: clock.preciseNow())
    }
}
