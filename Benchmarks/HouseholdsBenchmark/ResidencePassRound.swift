import BenchmarkSupport
import Foundation
import Households
import Synchronization

/// The residence pass a service runs when it starts on the freshly imported store, with an
/// officer reading the first page of the repricing list over and over while it runs: the pass
/// must finish within a minute and the list must keep answering (the pass works in short
/// transactions). A second pass the same day must then find nothing left to do.
struct ResidencePassRound {
    struct Outcome {
        var duration: Duration
        var pass: ResidenceExpiry.Pass
        /// Each read of the list's first page made while the pass ran.
        var listReads: Percentiles
        var listReadCount: Int
        var secondPass: ResidenceExpiry.Pass
    }

    let program: HouseholdsProgram

    func run() async throws -> Outcome {
        let passing = PassUnderWay()
        let clock = ContinuousClock()
        let start = clock.now
        async let pass = finishing(passing) { try await program.runResidencePass() }
        var reads: [Duration] = []
        repeat {
            reads.append(try await clock.measure {
                _ = try await program.reports.repricing(unit: nil, page: ListPage(after: nil, limit: ListPage.maxLimit))
            })
        } while passing.isUnderWay
        let first = try await pass
        let duration = clock.now - start
        return Outcome(duration: duration, pass: first, listReads: Percentiles(reads), listReadCount: reads.count,
                       secondPass: try await program.runResidencePass())
    }

    private func finishing(_ passing: PassUnderWay,
                           _ body: () async throws -> ResidenceExpiry.Pass) async throws -> ResidenceExpiry.Pass {
        defer { passing.end() }
        return try await body()
    }
}

/// Whether the pass is still running, read by the list's reader between reads.
private final class PassUnderWay: Sendable {
    private let underWay = Atomic(true)

    var isUnderWay: Bool { underWay.load(ordering: .acquiring) }

    func end() {
        underWay.store(false, ordering: .releasing)
    }
}
