import BenchmarkSupport
import ArgumentParser
import FlowDriver
import Foundation
import TestSupport

/// `make bench-flow`: files requests through intake concurrently and drives every one of them
/// to a signed contract through the same public APIs the integration scenarios use, against
/// the five services running as release-built processes on the local broker.
///
/// Prints requests/s accepted at intake, submission → ticket opened latency (p50/p99, as a
/// consumer of `crm.ticket.opened` sees it), full-flow throughput and requests lost, each with
/// the target, and — measured in the same run — intake's bare HTTP rate (`GET /healthz` at
/// the same concurrency) as the baseline the acceptance rate is a ratio of.
@main
struct BenchFlow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-flow",
        abstract: "Benchmark the new-connection flow end to end (needs the broker and SMTP sink; see make bench-flow)."
    )

    @Option(help: "Requests to file.")
    var requests = 2000

    @Option(help: "Concurrent clients filing requests.")
    var concurrency = 64

    @Option(help: "Requests driven through the later steps at once.")
    var driveConcurrency = 48

    func run() async throws {
        let platform = try await Platform.start("bench-flow")
        do {
            try await measure(on: platform)
            await platform.stop(keepFolder: false)
        } catch {
            await platform.stop(keepFolder: true)
            print("bench-flow failed: \(error); service logs in \(platform.folder.path)/logs")
            throw ExitCode.failure
        }
    }

    private func measure(on platform: Platform) async throws {
        let observer = try FlowObserver(broker: platform.broker.settings("bench-observer"), folder: platform.folder)
        let watching = RunningServices([observer.consumer])
        defer { Task { await watching.stop() } }
        try await eventually("the observer's queue is bound") {
            (try? await platform.broker.queueDepth("bench-observer.inbox")) != nil
        }
        print("bench-flow: \(requests) requests, \(concurrency) filing clients, \(driveConcurrency) driven at once")
        print("  stocking \(requests) meters …")
        _ = try await concurrently(Array(0..<requests), limit: 16) { _ in try await platform.receiveMeter(branch: "PC05TK") }

        let intake = platform.url("intake")
        let baselineStart = ContinuousClock.now
        _ = try await concurrently(Array(0..<requests), limit: concurrency) { _ in
            _ = try await platform.http.call(.GET, "\(intake)/healthz").expect(200)
        }
        let baselineRate = Double(requests) / seconds(ContinuousClock.now - baselineStart)

        let customers = (0..<requests).map { _ in SampleCustomer.make(households: 2) }
        let filingStart = ContinuousClock.now
        let filed = try await concurrently(customers, limit: concurrency) { customer in
            let submitted = ContinuousClock.now
            return (try await Journey.file(customer, on: platform), submitted)
        }
        let acceptedRate = Double(filed.count) / seconds(ContinuousClock.now - filingStart)
        let codes = filed.map(\.0.requestCode)

        try await eventually("every ticket opened", timeout: .seconds(300)) {
            observer.opened.count(of: codes).count == codes.count
        }
        let latencies = Percentiles(filed.compactMap { journey, submitted in
            observer.opened.at(journey.requestCode).map { $0 - submitted }
        })

        _ = try await concurrently(filed.map(\.0), limit: driveConcurrency) { journey in
            _ = try await journey.recordContact().expect(200)
            _ = try await journey.recordSurvey("feasible", phase: 1).expect(200)
            _ = try await journey.requestInstallation()
            try await journey.completeInstallation()
            _ = try await journey.sign(with: try await journey.signingCodeFromSMS(timeout: .seconds(300))).expect(200)
        }
        try await eventually("every ticket closed", timeout: .seconds(300)) {
            observer.closed.count(of: codes).count == codes.count
        }
        let (closedCount, lastClosed) = observer.closed.count(of: codes)
        let flowRate = Double(closedCount) / seconds((lastClosed ?? .now) - filingStart)
        let p50 = latencies.value(50)
        let p99 = latencies.value(99)

        func row(_ name: String, _ value: String, _ target: String, _ met: Bool) {
            print("  \(name.padding(toLength: 44, withPad: " ", startingAt: 0)) \(value.padding(toLength: 14, withPad: " ", startingAt: 0)) target \(target.padding(toLength: 12, withPad: " ", startingAt: 0)) \(met ? "met" : "NOT MET")")
        }
        print("results:")
        print("  baseline: intake GET /healthz              \(format(baselineRate)) req/s")
        row("accepted at intake (POST /api/v1/requests)", "\(format(acceptedRate)) req/s", "≥ 1000", acceptedRate >= 1000)
        print("    ratio to the baseline: \(String(format: "%.2f", acceptedRate / baselineRate))")
        row("submission → ticket opened, p50", "\(String(format: "%.1f", p50)) ms", "", true)
        row("submission → ticket opened, p99", "\(String(format: "%.1f", p99)) ms", "< 250 ms", p99 < 250)
        row("full flow, filed → contract signed", "\(String(format: "%.1f", flowRate)) req/s", "", true)
        row("lost (filed but never closed)", "\(codes.count - closedCount)", "0", closedCount == codes.count)
    }

    private func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    private func format(_ rate: Double) -> String {
        String(format: "%.0f", rate)
    }
}
