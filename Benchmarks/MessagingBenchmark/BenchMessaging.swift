import ArgumentParser
import Foundation
import Messaging

/// `make bench-messaging`: the messaging pipeline against plain librabbitmq, in one run.
@main
struct BenchMessaging: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-messaging",
        abstract: "Measures plain librabbitmq and the outbox → relay → broker → inbox pipeline in one run."
    )

    @Option(help: "Messages per measurement.")
    var messages = 100_000

    @Option(help: "Body size in bytes.")
    var bodyBytes = 1024

    @Option(help: "The broker (AMQP URL); defaults to $AMQP_URL.")
    var url = ProcessInfo.processInfo.environment["AMQP_URL"] ?? "amqp://evn:evn@127.0.0.1:5672/evn"

    func run() async throws {
        let broker = try AMQPURL(url)
        print("bench-messaging: \(messages) messages of \(bodyBytes) bytes, broker \(broker)")
        let raw = try RawLibrabbitmq(url: BenchmarkURL(broker), queue: "bench.raw.\(UUID().uuidString.prefix(6))",
                                     count: messages, body: Array(repeating: 0x61, count: bodyBytes)).run()
        print(String(format: "(a) plain librabbitmq, confirms every 100, manual acks: %8.0f msg/s", raw))
        let benchmark = PipelineBenchmark(url: broker, count: messages, bodyBytes: bodyBytes)
        let memoryBefore = ProcessMemory.residentMiB
        let pipeline = try await benchmark.run()
        print(String(format: "(b) outbox → relay → broker → inbox + SQLite write + ack: %8.0f msg/s", pipeline.messagesPerSecond))
        print(String(format: "    last row written %.2f s, last confirmed %.2f s, last consumed %.2f s after the start",
                     pipeline.lastWrittenAfter, pipeline.lastSentAfter, pipeline.lastConsumedAfter))
        let writes = try benchmark.outboxWritesPerSecond()
        print(String(format: "(c) one outbox write transaction per message, nothing else running: %8.0f msg/s", writes))
        let ratio = pipeline.messagesPerSecond / raw
        print(String(format: "ratio b/a: %.2f (target ≥ 0.50: %@); b/c: %.2f", ratio, ratio >= 0.5 ? "met" : "NOT met",
                     pipeline.messagesPerSecond / writes))
        let marks = zip(["10%", "50%", "100%"], pipeline.residentMiB).map { String(format: "%@ %.1f MiB", $0, $1) }
        print("resident memory before the pipeline \(String(format: "%.1f", memoryBefore)) MiB; at \(marks.joined(separator: ", ")); peak \(String(format: "%.1f", ProcessMemory.peakMiB)) MiB")
        if let first = pipeline.residentMiB.first, let last = pipeline.residentMiB.last {
            print(String(format: "memory growth from 10%% to 100%% of the messages: %+.1f MiB", last - first))
        }
    }
}
