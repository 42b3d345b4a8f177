import Contracts
import Foundation
import Metering
import TestSupport

/// Metering running in-process against the real broker, with an observer queue bound to
/// `evn.events`: the staff's HTTP view and the wire view of the same work orders. It checks
/// the technicians jobs are given to in the staff directory the run started, if any.
typealias MeteringHarness = ServiceHarness<MeteringService>

extension ServiceHarness where Definition == MeteringService {
    /// Starts a fresh metering with `environment` beside the run's staff directory, runs `body`
    /// against it, and stops it whether `body` passed or threw.
    static func run(environment: [String: String] = [:], _ body: (MeteringHarness) async throws -> Void) async throws {
        try await run(observing: [ObserverQueue("metering-test.observer")],
                      environment: StaffDirectoryUnderTest.settings.merging(environment) { $1 }, body)
    }

    /// Sends `metering.install-meter` as crm does; `messageId` repeats a delivery.
    func send(_ command: InstallMeter, messageId: String = UUID().uuidString.lowercased()) async throws {
        try await publish(command, messageId: messageId, correlationId: command.requestCode, appId: "crm")
    }
}
