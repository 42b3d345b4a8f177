import ArgumentParser
import BenchmarkSupport
import FlowDriver
import Foundation
import GRDB
import StaffAuth
import TestSupport

/// `make bench-storm`: a typhoon over the central coast. Customers report outages through
/// intake's public API in bursts, from many areas at once (communes, and transformer stations
/// known from their customer codes), some of them twice, against intake and outage running as
/// processes on the local broker.
///
/// Prints reports/s accepted at intake (with intake's bare HTTP rate at the same concurrency,
/// measured in the same run, as the baseline), how long outage took to file every report, the
/// CPU time intake, outage and the broker spent per report filed, and checks that no report
/// was lost, every report is under exactly one incident, incidents are no more than the areas
/// hit and every reporter is counted once. A missed target is a measurement; a failed check
/// fails the run.
@main
struct BenchStorm: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-storm",
        abstract: "Benchmark outage reports in a storm (needs the broker; see make bench-storm)."
    )

    /// How big a run is: the one the options ask for, or the test suite's small one.
    struct Size {
        var reports: Int
        var bursts: Int
        var concurrency: Int
        var stations: Int
        /// How long outage may take to file every report before the rest count as lost.
        var patience: Duration

        static let smoke = Size(reports: 300, bursts: 3, concurrency: 8, stations: 6, patience: .seconds(60))
    }

    @Flag(help: "The test suite's small run (300 reports, 6 stations), checking its own results in seconds; ignores the sizes below.")
    var smoke = false

    @Option(help: "Reports to file.")
    var reports = 20_000

    @Option(help: "Bursts the reports come in; each burst hits a third of the areas.")
    var bursts = 10

    @Option(help: "Concurrent clients filing reports.")
    var concurrency = 64

    @Option(help: "Transformer stations the supply points hang off (areas beside the communes).")
    var stations = 40

    private var size: Size {
        smoke ? .smoke : Size(reports: reports, bursts: bursts, concurrency: concurrency, stations: stations,
                              patience: .seconds(600))
    }

    func run() async throws {
        let platform = try await Platform.start("bench-storm", services: ["intake", "outage"])
        do {
            try await measure(size, on: platform)
            await platform.stop(keepFolder: false)
        } catch {
            await platform.stop(keepFolder: true)
            print("bench-storm failed: \(error); service logs in \(platform.folder.path)/logs")
            throw ExitCode.failure
        }
    }

    private func measure(_ size: Size, on platform: Platform) async throws {
        let storm = StormPlan(reports: size.reports, bursts: size.bursts, stations: size.stations)
        print("bench-storm: \(size.reports) reports in \(size.bursts) bursts, \(size.concurrency) clients, "
            + "\(storm.areas.count) areas (\(StormPlan.communes.count) communes, \(size.stations) stations)")
        let corporation = try await platform.staff.token(.dispatcher, unit: StaffClaims.corporationUnit)
        let loaded = try await platform.http.call(
            .POST, "\(platform.url("outage"))/api/v1/supply-points", body: Data(storm.supplyPointExport.utf8),
            token: corporation).expect(200)
        guard loaded["imported"] as? Int == storm.supplyPoints.count else {
            throw FixtureError("supply points not loaded: \(loaded)")
        }

        let intake = platform.url("intake")
        let baselineRate = try await callsPerSecond(min(size.reports, 5000), limit: size.concurrency) {
            try await platform.http.call(.GET, "\(intake)/healthz").expectStatus(200)
        }

        let cost = try CPUCost(services: platform.processIdentifiers)
        let filingStart = ContinuousClock.now
        var codes: [String] = []
        for burst in storm.burstForms {
            codes += try await concurrently(burst, limit: size.concurrency) { form in
                var body: [String: Any] = form
                body["consent"] = true
                let receipt = try await platform.http.call(.POST, "\(intake)/api/v1/outage-reports", json: body).expect(202)
                guard let code = receipt["reportCode"] as? String else { throw FixtureError("no report code: \(receipt)") }
                return code
            }
        }
        let accepted = codes
        let acceptedRate = Double(codes.count) / (ContinuousClock.now - filingStart).seconds

        let store = try DatabaseQueue(path: platform.folder.appendingPathComponent("data/outage.sqlite").path,
                                      configuration: { var readOnly = Configuration(); readOnly.readonly = true; return readOnly }())
        try? await eventually("outage filed every report", timeout: size.patience) {
            try await store.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM outage_reports") } ?? 0 >= accepted.count
        }
        let filedTime = (ContinuousClock.now - filingStart).seconds
        let check = try await store.read { db in try StormCheck(codes: accepted, in: db) }

        let table = ResultTable(nameWidth: 50)
        table.note("  baseline: intake GET /healthz                \(String(format: "%.0f", baselineRate)) req/s")
        table.row("accepted at intake (POST /api/v1/outage-reports)", "\(String(format: "%.0f", acceptedRate)) reports/s",
                  target: "≥ 2000", met: acceptedRate >= 2000)
        table.note("    ratio to the baseline: \(String(format: "%.2f", acceptedRate / baselineRate))")
        table.row("all filed under incidents by outage after", String(format: "%.1f s", filedTime))
        try cost.report(completed: accepted.count - check.lost, as: "CPU per report filed (services + broker)", in: table)
        table.check("lost (accepted, not filed)", check.lost, expected: 0)
        table.check("not under exactly one incident", check.misfiled, expected: 0)
        table.check("incidents / areas hit", "\(check.incidents) / \(storm.areasHit)", expected: "≤ areas",
                    passed: check.incidents <= storm.areasHit)
        table.check("reporters counted (repeats once)", check.reporters, expected: storm.distinctReporters)
        try table.verdict("bench-storm")
    }
}
