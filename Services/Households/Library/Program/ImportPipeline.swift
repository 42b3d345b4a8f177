import CSV
import Foundation
import GRDB
import Logging

/// What every import does around its own rows: checks the header, reads and parses each
/// record (a bad one becomes a rejection with its line, the stream goes on), writes the good
/// rows in batches, each its own transaction, reading and checking the next batch while the
/// previous one is written, and closes the import's record with its counts.
///
/// Batches keep the store's writer free for the counter's registrations between them, and
/// memory flat whatever the file's size. An import stopped half-way leaves whole batches
/// behind; running it again finishes the job.
struct ImportPipeline<Row: Sendable, State: Sendable>: Sendable {
    /// What one batch's transaction did.
    struct Batch: Sendable {
        var added = 0
        var updated = 0
        var unchanged = 0
        var rejected: [ImportRejection] = []
    }

    let database: DatabasePool
    let pageCache: BatchJobPageCache
    let imports: ImportLedger
    let kind: ImportLedger.Kind
    let batchSize: Int
    let logger: Logger

    /// Runs the import of `reader`.
    ///
    /// - Parameters:
    ///   - columns: the header's required columns.
    ///   - state: what one batch hands the next (e.g. dossiers the import opened).
    ///   - parser: makes the row parser for the file's header.
    ///   - write: writes one batch of import `importId` in its transaction, given the state the previous batch left.
    ///   - finish: the import's last words in the closing transaction, e.g. who left the export;
    ///     returns the number departed.
    func run(
        _ reader: CSVReader, source: String, by staffId: String, at now: Date, columns: [String], state: State,
        parser: (CSVHeader) -> (CSVRecord) -> Result<Row, RejectedRow>,
        write: @escaping @Sendable (_ rows: [Row], _ state: State, _ importId: Int64, Database) throws -> (Batch, State),
        finish: @escaping @Sendable (Int64, Database) throws -> Int = { _, _ in 0 }
    ) async throws -> ImportSummary {
        let imports = imports
        let kind = kind
        let importId = try await database.write { db in try imports.start(kind, source: source, by: staffId, at: now, in: db) }
        // The member indexes are written in the random order of their fingerprints: the
        // enlarged cache keeps them in memory instead of reading them back for nearly every row.
        return try await pageCache.run {
            try await run(reader, importId: importId, source: source, at: now, columns: columns, state: state,
                          parser: parser, write: write, finish: finish)
        } finished: { db in
            // Readers would otherwise look every page up in a write-ahead log of the whole import.
            _ = try? db.checkpoint(.truncate)
        }
    }

    private func run(
        _ reader: CSVReader, importId: Int64, source: String, at now: Date, columns: [String], state: State,
        parser: (CSVHeader) -> (CSVRecord) -> Result<Row, RejectedRow>,
        write: @escaping @Sendable (_ rows: [Row], _ state: State, _ importId: Int64, Database) throws -> (Batch, State),
        finish: @escaping @Sendable (Int64, Database) throws -> Int
    ) async throws -> ImportSummary {
        let imports = imports
        let kind = kind
        var summary = ImportSummary(importId: importId, rows: 0, added: 0, updated: 0, unchanged: 0, departed: 0, rejected: [])
        var records = reader.makeIterator()
        if let parse = header(&records, columns: columns, summary: &summary).map(parser) {
            var batch: [Row] = []
            var state = state
            var writing: Task<(Batch, State), any Error>?
            /// Waits for the batch being written, then starts writing the one just read.
            func flush() async throws {
                if let (written, next) = try await writing?.value {
                    summary.added += written.added
                    summary.updated += written.updated
                    summary.unchanged += written.unchanged
                    summary.rejected += written.rejected
                    state = next
                }
                writing = nil
                guard !batch.isEmpty else { return }
                let rows = batch
                let carried = state
                batch.removeAll(keepingCapacity: true)
                writing = Task { [database] in try await database.write { db in try write(rows, carried, importId, db) } }
            }
            while let next = records.next() {
                summary.rows += 1
                switch next.map(parse) {
                case .failure(let error):
                    summary.rejected.append(ImportProblem.unreadable(error.reason).rejection(line: error.line))
                case .success(.failure(let row)):
                    summary.rejected += row.rejections
                case .success(.success(let row)):
                    batch.append(row)
                    if batch.count == batchSize { try await flush() }
                }
            }
            try await flush()
            try await flush()  // the last batch read is still being written
        }
        summary.rejected.sort { ($0.line, $0.field) < ($1.line, $1.field) }
        let finished = summary
        summary.departed = try await database.write { db in
            var closed = finished
            closed.departed = try finish(finished.importId, db)
            try imports.finish(closed, at: now, in: db)
            return closed.departed
        }
        logger.info("\(kind.rawValue) imported", metadata: [
            "import_id": "\(summary.importId)", "source": "\(source)", "rows": "\(summary.rows)",
            "added": "\(summary.added)", "updated": "\(summary.updated)", "unchanged": "\(summary.unchanged)",
            "departed": "\(summary.departed)", "rejected": "\(summary.rejected.count)",
        ])
        return summary
    }

    /// The header's columns; a file without the required ones is rejected as a whole.
    private func header(_ records: inout CSVReader.Iterator, columns: [String], summary: inout ImportSummary) -> CSVHeader? {
        guard case .success(let first)? = records.next() else {
            summary.rejected.append(ImportProblem.missingColumns(columns).rejection(line: 1))
            return nil
        }
        do {
            return try CSVHeader(first, requiring: columns)
        } catch {
            summary.rejected.append(ImportProblem.missingColumns(error.names).rejection(line: error.line))
            return nil
        }
    }
}
