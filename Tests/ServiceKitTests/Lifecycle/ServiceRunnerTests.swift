import Foundation
import Logging
import ServiceLifecycle
import Testing
import ServiceKit

@Suite struct ServiceRunnerTests {
    actor Journal {
        private(set) var entries: [String] = []

        func write(_ entry: String) {
            entries.append(entry)
        }
    }

    /// Runs until asked to shut down gracefully, writing when it starts and when it stopped.
    struct PartService: Service, CustomStringConvertible {
        let description: String
        let journal: Journal

        func run() async throws {
            await journal.write("\(description) started")
            try? await gracefulShutdown()
            await journal.write("\(description) stopped")
        }
    }

    struct FailingService: Service {
        struct Broken: Error {}

        func run() async throws {
            throw Broken()
        }
    }

    let recorder = LineRecorder()

    var logger: Logger {
        let handler = LogfmtLogHandler(service: "outage", output: recorder.record)
        return Logger(label: "outage") { _ in handler }
    }

    @Test func sigtermStopsTheServicesInReverseOrder() async throws {
        let journal = Journal()
        let runner = ServiceRunner(
            services: [
                PartService(description: "relay", journal: journal),
                PartService(description: "http", journal: journal),
            ],
            logger: logger
        )

        let running = Task { try await runner.run() }
        while await journal.entries.count < 2 {
            try await Task.sleep(for: .milliseconds(10))
        }
        // The group traps SIGTERM before it starts any service, so the signal reaches the runner
        // rather than ending the test process.
        kill(getpid(), SIGTERM)
        try await running.value

        #expect(await journal.entries.suffix(2) == ["http stopped", "relay stopped"])
        #expect(recorder.lines.count == 2)
        #expect(recorder.lines.first?.contains("msg=Starting services=PartService,PartService") == true)
        #expect(recorder.lines.last?.hasSuffix("msg=Stopped") == true)
    }

    @Test func aFailingServiceShutsTheOthersDownGracefullyAndRethrows() async throws {
        let journal = Journal()
        let runner = ServiceRunner(
            services: [PartService(description: "relay", journal: journal), FailingService()],
            logger: logger
        )

        await #expect(throws: FailingService.Broken.self) {
            try await runner.run()
        }
        #expect(await journal.entries.last == "relay stopped")
        #expect(recorder.lines.last?.contains("msg=\"Stopped on error\"") == true)
    }
}
