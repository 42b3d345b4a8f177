import BenchmarkSupport
import ArgumentParser
import Foundation
import WorkingCalendar

/// `make bench-households`: the sub-household program (QLHP) at the size of a whole
/// corporation, against the `sqlite3` command-line tool doing the same work, measured two ways.
///
/// Generates a CMIS export and a dossier file with a known number of planted duplicates and
/// of customers to reprice, then times, in one run: `sqlite3` importing both files into plain
/// tables and answering the duplicate and reconciliation questions in SQL (the bare baseline);
/// the households program importing the same files into its store, producing its duplicate
/// report and its repricing list, then registering single sub-households at the counter; and
/// `sqlite3` inserting the rows the program stored, already sealed and fingerprinted, into the
/// store's own schema and indexes and asking the program's questions (the store-schema
/// baseline, which the end-to-end target is judged against). Prints each step for all three,
/// both ratios, and each target met or not; exits non-zero only when a count differs from the
/// planted truth (a missed target is a measurement, not a failure).
@main
struct BenchHouseholds: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-households",
        abstract: "Benchmark the households program's imports, duplicate report, reconciliation and counter check against sqlite3."
    )

    /// Preset sizes for quicker runs.
    enum Scale: String, ExpressibleByArgument, CaseIterable {
        case tiny, small, medium, full

        var customers: Int {
            switch self {
            case .tiny: 10_000
            case .small: 100_000
            case .medium: 1_000_000
            case .full: 4_300_000
            }
        }
    }

    /// How big a run is: the one the options ask for, or the test suite's small one.
    struct Size {
        var customers: Int
        var plantedIds: Int
        var plantedBooks: Int
        var registrations: Int
        var refusals: Int

        static let smoke = Size(customers: Scale.tiny.customers, plantedIds: 50, plantedBooks: 10,
                                registrations: 100, refusals: 5)
    }

    @Flag(help: "The test suite's small run (10k customers, 100 registrations), checking its own counts in seconds; ignores the sizes below.")
    var smoke = false

    @Option(help: "Customers in the CMIS export (overrides --scale).")
    var customers: Int?

    @Option(help: "Preset size: tiny (10k customers), small (100k), medium (1M), full (4.3M, the default).")
    var scale: Scale = .full

    @Option(help: "Seed of the generator: the same seed writes the same files.")
    var seed: UInt64 = 2017

    @Option(help: "People planted in two or three dossiers each.")
    var plantedIds = 1000

    @Option(help: "Household book numbers planted in two dossiers each.")
    var plantedBooks = 200

    @Option(help: "Single sub-household registrations to time.")
    var registrations = 1000

    @Option(help: "How many of those register a planted person, and must be refused.")
    var refusals = 20

    @Option(help: "Folder for the generated files and databases (default: a new temporary folder).")
    var folder: String?

    @Flag(help: "Keep the generated files and databases.")
    var keep = false

    private var size: Size {
        smoke ? .smoke : Size(customers: customers ?? scale.customers, plantedIds: plantedIds, plantedBooks: plantedBooks,
                              registrations: registrations, refusals: refusals)
    }

    func validate() throws {
        guard size.customers >= 1000 else { throw ValidationError("--customers must be at least 1000") }
        guard size.refusals <= size.registrations else { throw ValidationError("--refusals cannot exceed --registrations") }
    }

    func run() async throws {
        let size = size
        let workFolder = try makeFolder()
        let today = CalendarDay(Date())
        let spec = CorporationSpec(
            customers: size.customers, seed: seed,
            plantedIDs: size.plantedIds, plantedBooks: size.plantedBooks, today: today)
        let report = Report()
        print("bench-households: \(Report.grouped(spec.customers)) customers, seed \(seed), today \(today.description), in \(workFolder.path)")

        let generationStart = ContinuousClock.now
        let corporation = try CorporationGenerator(spec: spec).generate(into: workFolder)
        let generationTime = ContinuousClock.now - generationStart
        describe(corporation, of: spec, generatedIn: generationTime)

        print("baseline, bare: sqlite3 …")
        let bare = try BareBaseline(database: workFolder.appendingPathComponent("bare.sqlite").path)
            .run(corporation, today: today)
        print("ours: households program …")
        var storedRows: StoredRows?
        let ours = try await HouseholdsRun(
            storePath: workFolder.appendingPathComponent("households.sqlite").path,
            registrations: size.registrations, refusals: size.refusals, seed: seed
        ).run(corporation, today: today) { database in
            storedRows = try database.read { db in try StoredRows.write(from: db, into: workFolder) }
        }
        let schema = try StoreSchema.migrated(scratchPath: workFolder.appendingPathComponent("schema.sqlite").path,
                                              personalData: HouseholdsRun.personalData())
        guard let storedRows else { throw SQLiteShell.Failure(description: "the program's stored rows were not written") }
        print("baseline, store schema: sqlite3 … (\(schema.statements.count) schema statements, \(schema.indexCount) indexes; "
              + "\(Report.grouped(storedRows.customers.rows)) customers, \(Report.grouped(storedRows.dossiers.rows)) dossiers, "
              + "\(Report.grouped(storedRows.members.rows)) members)")
        let storeSchema = try StoreSchemaBaseline(database: workFolder.appendingPathComponent("store-schema.sqlite").path)
            .run(schema: schema, rows: storedRows)

        RunResults(corporation: corporation, ours: ours, storeSchema: storeSchema, bare: bare).print(to: report)
        print("  (sqlite3's peak resident memory: \(Report.megabytes(PeakMemory.childrenBytes())); file generation, not compared: \(Report.format(generationTime)))")

        if keep {
            print("kept: \(workFolder.path)")
        } else {
            try? FileManager.default.removeItem(at: workFolder)
        }
        if report.failedChecks > 0 {
            print("bench-households: \(report.failedChecks) count check(s) failed")
            throw ExitCode.failure
        }
    }

    private func makeFolder() throws -> URL {
        let url = folder.map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("bench-households-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    private func describe(_ corporation: GeneratedCorporation, of spec: CorporationSpec, generatedIn time: Duration) {
        func size(_ path: String) -> String {
            let bytes = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int
            return Report.megabytes(bytes ?? 0)
        }
        print("generated in \(Report.format(time)):")
        print("  customers.csv \(size(corporation.customersFile)): \(Report.grouped(corporation.customers)) customers, \(Report.grouped(corporation.sharedCustomers)) sharing a meter")
        print("  dossiers.csv  \(size(corporation.dossiersFile)): \(Report.grouped(corporation.dossiers)) dossiers, \(Report.grouped(corporation.subRows)) sub-households")
        print("  planted: \(Report.grouped(corporation.duplicateIDCases)) ID numbers (of \(spec.plantedIDs) asked), \(Report.grouped(corporation.duplicateBookCases)) household books (of \(spec.plantedBooks) asked)")
        print("  expected: \(Report.grouped(corporation.duplicateCases)) duplicate cases, \(Report.grouped(corporation.repricingCases)) customers to reprice")
    }
}
