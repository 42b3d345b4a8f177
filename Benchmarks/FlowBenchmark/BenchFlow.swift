import BenchmarkSupport
import ArgumentParser
import FlowDriver
import Foundation
import TestSupport

/// `make bench-flow`: files requests through intake concurrently and drives every one of them
/// to a signed contract through the same public APIs the integration scenarios use, against
/// the five services running as processes on the local broker.
///
/// Prints requests/s accepted at intake, submission → ticket opened latency (p50/p99, as a
/// consumer of `crm.ticket.opened` sees it), the tracking latency of a sample of requests
/// while the burst is processed, full-flow throughput, the CPU time the services and the
/// broker spent per completed request, and requests lost, each with the target, and —
/// measured in the same run — intake's bare HTTP rate (`GET /healthz` at the same
/// concurrency) as the baseline the acceptance rate is a ratio of. A missed target is a
/// measurement; a request lost fails the run.
@main
struct BenchFlow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-flow",
        abstract: "Benchmark the new-connection flow end to end (needs the broker and SMTP sink; see make bench-flow)."
    )

    /// How big a run is: the one the options ask for, or the test suite's small one.
    struct Size {
        var requests: Int
        var concurrency: Int
        var driveConcurrency: Int
        /// How long each phase may take before the run counts its requests as lost.
        var patience: Duration

        static let smoke = Size(requests: 24, concurrency: 8, driveConcurrency: 8, patience: .seconds(60))
    }

    @Flag(help: "The test suite's small run (24 requests, 8 clients), checking its own results in seconds; ignores the sizes below.")
    var smoke = false

    @Option(help: "Requests to file.")
    var requests = 2000

    @Option(help: "Concurrent clients filing requests.")
    var concurrency = 64

    @Option(help: "Requests driven through the later steps at once.")
    var driveConcurrency = 48

    @Option(help: "One filed request in this many is tracked by its customer at once, while the burst is processed.")
    var trackEvery = 10

    private var size: Size {
        smoke ? .smoke : Size(requests: requests, concurrency: concurrency, driveConcurrency: driveConcurrency,
                              patience: .seconds(300))
    }

    func validate() throws {
        guard trackEvery >= 1 else { throw ValidationError("--track-every must be at least 1") }
    }

    func run() async throws {
        let platform = try await Platform.start("bench-flow")
        do {
            try await measure(size, on: platform)
            await platform.stop(keepFolder: false)
        } catch {
            await platform.stop(keepFolder: true)
            print("bench-flow failed: \(error); service logs in \(platform.folder.path)/logs")
            throw ExitCode.failure
        }
    }

    private func measure(_ size: Size, on platform: Platform) async throws {
        let observer = try FlowObserver(broker: platform.broker.settings("bench-observer"), folder: platform.folder)
        let watching = RunningServices([observer.consumer])
        defer { Task { await watching.stop() } }
        try await eventually("the observer's queue is bound") {
            (try? await platform.broker.queueDepth("bench-observer.inbox")) != nil
        }
        let requests = size.requests
        print("bench-flow: \(requests) requests, \(size.concurrency) filing clients, \(size.driveConcurrency) driven at once")
        print("  stocking \(requests) meters …")
        _ = try await concurrently(Array(0..<requests), limit: 16) { _ in try await platform.receiveMeter(branch: "PC05TK") }

        let intake = platform.url("intake")
        let baselineRate = try await callsPerSecond(requests, limit: size.concurrency) {
            try await platform.http.call(.GET, "\(intake)/healthz").expectStatus(200)
        }

        let cost = try CPUCost(services: platform.processIdentifiers)
        let customers = (0..<requests).map { _ in SampleCustomer.make(households: 2) }
        let trackEvery = trackEvery
        let filingStart = ContinuousClock.now
        let filings = try await concurrently(Array(customers.enumerated()), limit: size.concurrency) { index, customer in
            let submitted = ContinuousClock.now
            let journey = try await Journey.file(customer, on: platform)
            guard index % trackEvery == 0 else { return (journey, submitted, Duration?.none) }
            let asked = ContinuousClock.now
            try await journey.track().expectStatus(200)
            return (journey, submitted, ContinuousClock.now - asked)
        }
        let acceptedRate = Double(filings.count) / (ContinuousClock.now - filingStart).seconds
        let filed = filings.map { ($0.0, $0.1) }
        let tracked = filings.compactMap(\.2)
        let codes = filed.map(\.0.requestCode)

        try? await eventually("every ticket opened", timeout: size.patience) {
            observer.opened.count(of: codes).count == codes.count
        }
        let openedCount = observer.opened.count(of: codes).count
        let latencies = Percentiles(filed.compactMap { journey, submitted in
            observer.opened.at(journey.requestCode).map { $0 - submitted }
        })
        let trackingLatencies = Percentiles(tracked)

        let opened = filed.map(\.0).filter { observer.opened.at($0.requestCode) != nil }
        _ = try await concurrently(opened, limit: size.driveConcurrency) { journey in
            let ticket = try await journey.openTicket()
            _ = try await ticket.recordContact().expect(200)
            _ = try await ticket.recordSurvey("feasible", phase: 1).expect(200)
            _ = try await ticket.requestInstallation()
            try await journey.completeInstallation()
            _ = try await journey.sign(with: try await journey.signingCodeFromSMS(timeout: size.patience)).expect(200)
        }
        try? await eventually("every ticket closed", timeout: size.patience) {
            observer.closed.count(of: codes).count == codes.count
        }
        let (closedCount, lastClosed) = observer.closed.count(of: codes)
        let flowRate = Double(closedCount) / ((lastClosed ?? .now) - filingStart).seconds
        let p99 = latencies.value(99)
        let trackingP99 = trackingLatencies.value(99)

        let table = ResultTable(nameWidth: 44)
        table.note("  baseline: intake GET /healthz              \(Self.format(baselineRate)) req/s")
        table.row("accepted at intake (POST /api/v1/requests)", "\(Self.format(acceptedRate)) req/s",
                  target: "≥ 1000", met: acceptedRate >= 1000)
        table.note("    ratio to the baseline: \(String(format: "%.2f", acceptedRate / baselineRate))")
        table.row("submission → ticket opened, p50", String(format: "%.1f ms", latencies.value(50)))
        table.row("submission → ticket opened, p99", String(format: "%.1f ms", p99), target: "< 250 ms", met: p99 < 250)
        table.row("tracking while the burst is processed, p99", String(format: "%.1f ms", trackingP99),
                  target: "< 200 ms", met: trackingP99 < 200)
        table.note("    (\(tracked.count) requests tracked, one in \(trackEvery), right after filing)")
        table.row("full flow, filed → contract signed", String(format: "%.1f req/s", flowRate))
        try cost.report(completed: closedCount, as: "CPU per completed flow (services + broker)", in: table)
        table.check("tickets opened", openedCount, expected: codes.count)
        table.check("lost (filed but never closed)", codes.count - closedCount, expected: 0)
        try table.verdict("bench-flow")
    }

    private static func format(_ rate: Double) -> String {
        String(format: "%.0f", rate)
    }
}
