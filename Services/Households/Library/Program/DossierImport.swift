import CSV
import Foundation
import GRDB
import Logging
import ServiceKit
import WorkingCalendar

/// Imports existing dossiers in bulk (the paper and spreadsheet files of every unit): each
/// main-household row opens its customer's dossier, each sub-household row joins the active
/// dossier of its customer.
///
/// An existing dossier is what it is: a household already in another dossier is imported and
/// shows in the duplicate report, rather than refused as at the counter. Dossiers opened by the
/// import get their first count without announcing it; a household added to a dossier that
/// existed before is a count change crm hears of.
public struct DossierImport: Sendable {
    static let batchSize = 20_000

    let database: DatabasePool
    let pageCache: BatchJobPageCache
    let registry: DossierRegistry
    let counter: HouseholdCounter
    let imports: ImportLedger
    let subHouseholds: SubHouseholdValidator
    let logger: Logger
    let clock: WallClock

    /// Imports `reader`'s rows.
    ///
    /// - Parameter unit: the importing staff member's unit, whose rows alone are taken; `nil` for corporation staff.
    func run(_ reader: CSVReader, source: String, unit: String?, by staffId: String, at now: Date,
             today: CalendarDay) async throws -> ImportSummary {
        let writer = BatchWriter(registry: registry, counter: counter, staffId: staffId, now: now, today: today)
        let pipeline = ImportPipeline<DossierRow, Set<String>>(
            database: database, pageCache: pageCache, imports: imports, kind: .dossiers, batchSize: Self.batchSize, logger: logger)
        return try await pipeline.run(
            reader, source: source, by: staffId, at: now, columns: DossierRowParser.columns, state: [],
            parser: { [registry, subHouseholds] (header: CSVHeader) -> (CSVRecord) -> Result<DossierRow, RejectedRow> in
                let parser = DossierRowParser(header: header, subHouseholds: subHouseholds, sealing: registry.sealing,
                                              today: today)
                return { record in
                    switch parser.parse(record) {
                    case .success(let row) where unit != nil && row.unit != unit:
                        .failure(RejectedRow(.otherUnit, line: row.line, field: "unit"))
                    case .success(let row): .success(row)
                    case .failure(let failure): .failure(RejectedRow(failure, line: record.line))
                    }
                }
            },
            write: { rows, opened, _, db in try writer.write(rows, openedEarlier: opened, in: db) })
    }
}

extension DossierImport {
    /// Writes one batch of checked rows in one transaction.
    struct BatchWriter: Sendable {
        let registry: DossierRegistry
        let counter: HouseholdCounter
        let staffId: String
        let now: Date
        let today: CalendarDay

        /// Writes `rows`; `openedEarlier` are the dossiers earlier batches of this import opened,
        /// returned with this batch's added.
        func write(_ rows: [DossierRow], openedEarlier: Set<String>,
                   in db: Database) throws -> (ImportPipeline<DossierRow, Set<String>>.Batch, Set<String>) {
            var batch = ImportPipeline<DossierRow, Set<String>>.Batch()
            var openedByImport = openedEarlier
            /// The quarters this batch's households add to dossiers the import opened.
            var added: [String: Int] = [:]
            var grown: Set<String> = []
            /// The dossier of the customer of the previous row: a file lists a dossier's households together.
            var current: (customerCode: String, dossierId: String)?
            for row in rows {
                switch row.household {
                case .main(let holder, let phone):
                    guard try registry.activeDossierId(customerCode: row.customerCode, in: db) == nil else {
                        batch.rejected.append(ImportProblem.dossierExists.rejection(line: row.line, field: "customer_code"))
                        continue
                    }
                    let dossier = NewDossier(unit: row.unit, customerCode: row.customerCode, meterSerial: nil,
                                             contractNumber: nil, requestCode: nil, origin: .records, holder: holder,
                                             contactPhone: phone, subHouseholds: [])
                    let id = try registry.insertDossier(dossier, by: staffId, at: now, in: db)
                    try registry.insertMember(row.sealed, sub: nil, dossierId: id, joinedAt: now, today: today,
                                              overrideId: nil, in: db)
                    openedByImport.insert(id)
                    current = (row.customerCode, id)
                    batch.added += 1
                case .sub(let sub):
                    let known = current?.customerCode == row.customerCode ? current?.dossierId : nil
                    guard let id = try known ?? registry.activeDossierId(customerCode: row.customerCode, in: db) else {
                        batch.rejected.append(ImportProblem.noDossier.rejection(line: row.line, field: "customer_code"))
                        continue
                    }
                    guard try !registry.holds(idFingerprints: registry.sealing.idFingerprints(sub.id), dossierId: id, in: db) else {
                        batch.rejected.append(ImportRejection(line: row.line, field: "id_number", problem: .duplicateIdNumber))
                        continue
                    }
                    try registry.insertMember(row.sealed, sub: sub, dossierId: id, joinedAt: now, today: today,
                                              overrideId: nil, in: db)
                    current = (row.customerCode, id)
                    batch.added += 1
                    if openedByImport.contains(id) {
                        added[id, default: 0] += sub.share.quarters(on: today)
                    } else {
                        grown.insert(id)
                    }
                }
            }
            for (id, quarters) in added where quarters > 0 {
                try db.cachedStatement(sql: """
                    UPDATE households_dossiers SET effective_quarters = effective_quarters + ? WHERE dossier_id = ?
                    """).execute(arguments: [quarters, id])
            }
            for id in grown.sorted() {
                try counter.recount(dossierId: id, reason: .subHouseholdRegistered, at: now, today: today, in: db)
            }
            return (batch, openedByImport)
        }
    }
}

extension DossierImport {
    /// Imports the dossier file at `path` for the whole corporation.
    public func callAsFunction(csvFile path: String, by staffId: String) async throws -> ImportSummary {
        try await callAsFunction(CSVReader(path: path), source: path, unit: nil, by: staffId)
    }

    /// Imports `reader`'s rows, now; `unit` as for ``run(_:source:unit:by:at:today:)``.
    func callAsFunction(_ reader: CSVReader, source: String, unit: String?, by staffId: String) async throws -> ImportSummary {
        let now = clock.preciseNow()
        return try await run(reader, source: source, unit: unit, by: staffId, at: now, today: CalendarDay(now))
    }
}
