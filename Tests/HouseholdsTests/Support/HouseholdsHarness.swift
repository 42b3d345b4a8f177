import Contracts
import Foundation
import Households
import TestSupport

/// Households running in-process against the real broker, with an observer queue bound to
/// `evn.events` and to the residence reminders it commands: the officers' HTTP view and the
/// wire view of the same changes.
typealias HouseholdsHarness = ServiceHarness<HouseholdsService>

extension ServiceHarness where Definition == HouseholdsService {
    /// Starts a fresh households with `environment` over the tests' settings, runs `body` against
    /// it, and stops it whether `body` passed or threw.
    static func run(environment: [String: String] = [:], _ body: (HouseholdsHarness) async throws -> Void) async throws {
        try await run(observing: [ObserverQueue("households-test.observer", commands: [SendResidenceReminder.routingKey])],
                      environment: environment, body)
    }
}

extension HTTPEndpoint {
    /// `method path` with a CSV file as the body, as an import is uploaded.
    func upload(_ path: String, csv: String, token: String) async throws -> HTTPAnswer {
        try await call("POST", path, body: Data(csv.utf8), token: token, headers: ["Content-Type": "text/csv"])
    }

    /// `PUT path` with a JSON object as the body.
    func put(_ path: String, _ json: [String: Any], token: String) async throws -> HTTPAnswer {
        try await call("PUT", path, body: try JSONSerialization.data(withJSONObject: json), token: token)
    }
}
