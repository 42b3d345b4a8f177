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
/// release-built processes on the local broker.
///
/// Prints reports/s accepted at intake (with intake's bare HTTP rate at the same concurrency,
/// measured in the same run, as the baseline), how long outage took to file every report,
/// reports lost, reports not under exactly one incident, and incidents against areas hit.
@main
struct BenchStorm: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-storm",
        abstract: "Benchmark outage reports in a storm (needs the broker; see make bench-storm)."
    )

    @Option(help: "Reports to file.")
    var reports = 20_000

    @Option(help: "Bursts the reports come in; each burst hits a third of the areas.")
    var bursts = 10

    @Option(help: "Concurrent clients filing reports.")
    var concurrency = 64

    @Option(help: "Transformer stations the supply points hang off (areas beside the communes).")
    var stations = 40

    func run() async throws {
        let platform = try await Platform.start("bench-storm", services: ["intake", "outage"])
        do {
            try await measure(on: platform)
            await platform.stop(keepFolder: false)
        } catch {
            await platform.stop(keepFolder: true)
            print("bench-storm failed: \(error); service logs in \(platform.folder.path)/logs")
            throw ExitCode.failure
        }
    }

    private func measure(on platform: Platform) async throws {
        let storm = StormPlan(reports: reports, bursts: bursts, stations: stations)
        print("bench-storm: \(reports) reports in \(bursts) bursts, \(concurrency) clients, "
            + "\(storm.areas.count) areas (\(StormPlan.communes.count) communes, \(stations) stations)")
        let corporation = try await platform.staff.token(.dispatcher, unit: StaffClaims.corporationUnit)
        let loaded = try await platform.http.call(
            .POST, "\(platform.url("outage"))/api/v1/supply-points", body: Data(storm.supplyPointExport.utf8),
            token: corporation).expect(200)
        guard loaded["imported"] as? Int == storm.supplyPoints.count else {
            throw FixtureError("supply points not loaded: \(loaded)")
        }

        let intake = platform.url("intake")
        let baselineStart = ContinuousClock.now
        _ = try await concurrently(Array(0..<min(reports, 5000)), limit: concurrency) { _ in
            let answer = try await platform.http.call(.GET, "\(intake)/healthz")
            guard answer.status == 200 else { throw FixtureError("healthz answered \(answer)") }
        }
        let baselineRate = Double(min(reports, 5000)) / (ContinuousClock.now - baselineStart).seconds

        let filingStart = ContinuousClock.now
        var codes: [String] = []
        for burst in storm.burstForms {
            codes += try await concurrently(burst, limit: concurrency) { form in
                var body: [String: Any] = form
                body["consent"] = true
                let receipt = try await platform.http.call(.POST, "\(intake)/api/v1/outage-reports", json: body).expect(202)
                guard let code = receipt["reportCode"] as? String else { throw FixtureError("no report code: \(receipt)") }
                return code
            }
        }
        let accepted = codes
        let filingTime = (ContinuousClock.now - filingStart).seconds
        let acceptedRate = Double(codes.count) / filingTime

        let store = try DatabaseQueue(path: platform.folder.appendingPathComponent("data/outage.sqlite").path,
                                      configuration: { var readOnly = Configuration(); readOnly.readonly = true; return readOnly }())
        try await eventually("outage filed every report", timeout: .seconds(600)) {
            try await store.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM outage_reports") } ?? 0 >= accepted.count
        }
        let filedTime = (ContinuousClock.now - filingStart).seconds
        let check = try await store.read { db in try StormCheck(codes: accepted, in: db) }

        func row(_ name: String, _ value: String, _ target: String, _ met: Bool) {
            print("  \(name.padding(toLength: 50, withPad: " ", startingAt: 0)) \(value.padding(toLength: 14, withPad: " ", startingAt: 0)) target \(target.padding(toLength: 12, withPad: " ", startingAt: 0)) \(met ? "met" : "NOT MET")")
        }
        print("results:")
        print("  baseline: intake GET /healthz                \(String(format: "%.0f", baselineRate)) req/s")
        row("accepted at intake (POST /api/v1/outage-reports)", "\(String(format: "%.0f", acceptedRate)) reports/s",
            "≥ 2000", acceptedRate >= 2000)
        print("    ratio to the baseline: \(String(format: "%.2f", acceptedRate / baselineRate))")
        row("all filed under incidents by outage after", "\(String(format: "%.1f", filedTime)) s", "", true)
        row("lost (accepted, not filed)", "\(check.lost)", "0", check.lost == 0)
        row("not under exactly one incident", "\(check.misfiled)", "0", check.misfiled == 0)
        row("incidents / areas hit", "\(check.incidents) / \(storm.areasHit)", "≤ areas", check.incidents <= storm.areasHit)
        row("reporters counted (repeats once)", "\(check.reporters) / \(storm.distinctReporters)", "= reporters",
            check.reporters == storm.distinctReporters)
    }
}
