import FlowDriver
import TestSupport

/// A steady stream of new-connection requests filed on the portal, one at a fixed interval,
/// until cancelled: the load under which the broker's nodes are killed.
actor FilingLoad {
    let platform: Platform
    private(set) var journeys: [Journey] = []

    init(platform: Platform) {
        self.platform = platform
    }

    var filedCount: Int { journeys.count }

    /// Files one request every `interval` until the task is cancelled, then returns; a filing
    /// intake refuses ends the load with its error.
    func run(every interval: Duration) async throws {
        while !Task.isCancelled {
            do {
                journeys.append(try await Journey.file(SampleCustomer.make(households: 1), on: platform))
            } catch {
                if Task.isCancelled { return }
                throw error
            }
            try? await Task.sleep(for: interval)
        }
    }

    /// Waits until `count` requests have been filed.
    nonisolated func waitUntilFiled(_ count: Int) async throws {
        try await eventually("\(count) requests filed", timeout: .seconds(60)) { await self.filedCount >= count }
    }
}
