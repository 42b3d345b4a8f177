import Contracts
import Foundation
import Outage
import ServiceKit
import TestSupport

/// Outage running in-process against the real broker, with an observer queue bound to every
/// event and to the notices it asks notification for.
typealias OutageHarness = ServiceHarness<OutageService>

extension ServiceHarness where Definition == OutageService {
    /// Starts a fresh outage on `clock`, runs `body` against it, and stops it whether `body`
    /// passed or threw.
    static func run(clock: WallClock = .system, _ body: (OutageHarness) async throws -> Void) async throws {
        try await run(observing: [ObserverQueue("outage-test.observer", commands: [SendOutageNotice.routingKey])],
                      clock: clock, body)
    }

    /// The ids of the planned outages dispatch of `branch` sees in the schedule now.
    func plannedOutageIds(branch: String = Samples.branch) async throws -> [String] {
        let dispatch = try await token(.dispatcher, unit: branch)
        let answer = try await get("api/v1/planned-outages", token: dispatch).expect(200)
        return (answer["plannedOutages"] as? [[String: Any]] ?? []).compactMap { $0["plannedOutageId"] as? String }
    }

    /// Sends `outage.record-report` as intake does and returns its message id; `messageId` repeats a delivery.
    @discardableResult
    func send(_ report: RecordOutageReport, messageId: String = UUID().uuidString.lowercased()) async throws -> String {
        try await publish(report, messageId: messageId, correlationId: report.reportCode, appId: "intake")
    }

    /// Loads supply points through the API as corporation dispatch does; the answer's body.
    func loadSupplyPoints(_ csv: String) async throws -> [String: Any] {
        let dispatch = try await token(.dispatcher, unit: "CORP")
        return try await post("api/v1/supply-points", raw: Data(csv.utf8), token: dispatch).expect(200)
    }

    /// The incidents dispatch of `branch` sees, unrestored by default.
    func incidents(branch: String = Samples.branch, restored: Bool = false) async throws -> [[String: Any]] {
        let dispatch = try await token(.dispatcher, unit: branch)
        let answer = try await get("api/v1/incidents\(restored ? "?status=restored" : "")", token: dispatch)
        return try answer.expect(200)["incidents"] as? [[String: Any]] ?? []
    }
}
