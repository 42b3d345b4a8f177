import BenchmarkSupport
import ArgumentParser
import Foundation
import WorkingCalendar

/// `make bench-households`: the sub-household program (QLHP) at the size of a whole
/// corporation, against the `sqlite3` command-line tool doing the same work on the same files.
///
/// Generates a CMIS export and a dossier file with a known number of planted duplicates and
/// of customers to reprice, then times, in one run: `sqlite3` importing both files into plain
/// tables and answering the duplicate and reconciliation questions in SQL (the baseline), and
/// the households program importing the same files into its store, producing its duplicate
/// report and its repricing list, then registering single sub-households at the counter.
/// Prints each step for both, the ratio, and each target met or not; exits non-zero only
/// when a count differs from the planted truth (a missed target is a measurement, not a
/// failure).
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

        print("baseline: sqlite3 …")
        let baseline = try SQLiteBaseline(database: workFolder.appendingPathComponent("baseline.sqlite").path)
            .run(corporation, today: today)
        print("ours: households program …")
        let ours = try await HouseholdsRun(
            storePath: workFolder.appendingPathComponent("households.sqlite").path,
            registrations: size.registrations, refusals: size.refusals, seed: seed
        ).run(corporation, today: today)

        print("results:")
        report.heading("  \("step".padding(toLength: 34, withPad: " ", startingAt: 0))         ours      sqlite3")
        report.step("import CMIS customers", ours: ours.importCustomers, baseline: baseline.importCustomers)
        report.step("import dossiers", ours: ours.importDossiers, baseline: baseline.importDossiers)
        report.step("duplicate report", ours: ours.duplicates, baseline: baseline.duplicates)
        report.step("reconciliation (repricing list)", ours: ours.repricing, baseline: baseline.reconciliation)
        report.step("end to end", ours: ours.total, baseline: baseline.total)

        report.heading("checks:")
        report.check("sqlite3 duplicate cases (ID + book)", baseline.duplicateIDCases + baseline.duplicateBookCases, expected: corporation.duplicateCases)
        report.check("sqlite3 customers to reprice", baseline.repricingCases, expected: corporation.repricingCases)
        report.check("ours: CMIS rows rejected", ours.customerImport.rejected, expected: 0)
        report.check("ours: dossier rows rejected", ours.dossierImport.rejected, expected: 0)
        report.check("ours: duplicate cases", ours.duplicateCases, expected: corporation.duplicateCases)
        report.check("ours: customers to reprice", ours.repricingCases, expected: corporation.repricingCases)
        report.check("ours: fresh sub-households registered", ours.registrations.registered, expected: ours.registrations.expectedRegistered)
        report.check("ours: planted people refused as duplicates", ours.registrations.refused, expected: ours.registrations.expectedRefused)
        for rejection in ours.firstRejections {
            print("      rejected: \(rejection)")
        }
        if let error = ours.registrations.firstError {
            print("      registration failed: \(error)")
        }

        let ratio = ours.total.seconds / baseline.total.seconds
        let latencies = ours.registrations.latencies
        report.heading("targets:")
        report.target("end to end, ours / sqlite3", String(format: "%.2f", ratio), "≤ 1.5", met: ratio <= 1.5)
        report.target("duplicate report", Report.format(ours.duplicates), "< 2 s", met: ours.duplicates < .seconds(2))
        report.target("register one sub-household, p50", String(format: "%.2f ms", latencies.value(50)), "", met: true)
        report.target("register one sub-household, p99", String(format: "%.2f ms", latencies.value(99)), "< 20 ms", met: latencies.value(99) < 20)
        report.target("register one sub-household, max", String(format: "%.2f ms", latencies.maximum), "", met: true)
        if let peak = ours.peakMemoryDuringImport {
            report.target("peak memory during import (VmHWM)", Report.megabytes(peak), "< 500 MB", met: peak < 500 << 20)
        } else {
            print("  peak memory during import: not available (no /proc/self/status)")
        }
        print("  (sqlite3's peak resident memory: \(Report.megabytes(baseline.peakMemory)); file generation, not compared: \(Report.format(generationTime)))")

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
