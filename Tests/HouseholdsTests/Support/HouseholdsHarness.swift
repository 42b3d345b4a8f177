import Households
import TestSupport

/// Households running in-process against the real broker, with an observer queue bound to
/// `evn.events`: the officers' HTTP view and the wire view of the same screenings.
typealias HouseholdsHarness = ServiceHarness<HouseholdsService>

extension ServiceHarness where Definition == HouseholdsService {
    /// Starts a fresh households, runs `body` against it, and stops it whether `body` passed or threw.
    static func run(_ body: (HouseholdsHarness) async throws -> Void) async throws {
        try await run(observing: [ObserverQueue("households-test.observer")], body)
    }
}
