import ArgumentParser
import BenchmarkSupport
import Foundation
import Messaging

/// `make bench-messaging`: the messaging pipeline against plain librabbitmq, in one run.
@main
struct BenchMessaging: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-messaging",
        abstract: "Measures plain librabbitmq and the outbox → relay → broker → inbox pipeline in one run."
    )

    /// How big a run is: the one the options ask for, or the test suite's small one.
    struct Size {
        var messages: Int
        var producers: Int
        /// How long the pipeline's consumer may go without a new message before the rest count as lost.
        var patience: Duration

        static let smoke = Size(messages: 2000, producers: 8, patience: .seconds(20))
    }

    @Flag(help: "The test suite's small run (2000 messages, 8 producers), checking its own results in seconds; ignores --messages and --producers.")
    var smoke = false

    @Option(help: "Messages per measurement.")
    var messages = 100_000

    @Option(help: "Body size in bytes.")
    var bodyBytes = 1024

    @Option(help: "Concurrent producers writing the outbox (their transactions share commits).")
    var producers = 32

    @Option(help: "The broker (AMQP URL); defaults to $AMQP_URL.")
    var url = ProcessInfo.processInfo.environment["AMQP_URL"] ?? "amqp://evn:evn@127.0.0.1:5672/evn"

    private var size: Size {
        smoke ? .smoke : Size(messages: messages, producers: producers, patience: .seconds(60))
    }

    func run() async throws {
        let size = size
        let (messages, producers) = (size.messages, size.producers)
        let broker = try AMQPURL(url)
        print("bench-messaging: \(messages) messages of \(bodyBytes) bytes, \(producers) producers, broker \(broker)")
        let body = [UInt8](repeating: 0x61, count: bodyBytes)
        let raw = try RawLibrabbitmq(url: BenchmarkURL(broker), queue: "bench.raw.\(UUID().uuidString.prefix(6))",
                                     count: messages, body: body, quorum: false).run()
        print(String(format: "(a) plain librabbitmq, classic queue, confirms every 100, manual acks: %8.0f msg/s", raw))
        let rawQuorum = try RawLibrabbitmq(url: BenchmarkURL(broker), queue: "bench.rawq.\(UUID().uuidString.prefix(6))",
                                           count: messages, body: body, quorum: true).run()
        print(String(format: "(a') the same into a quorum queue, as the services' inboxes are: %8.0f msg/s", rawQuorum))
        let benchmark = PipelineBenchmark(url: broker, count: messages, bodyBytes: bodyBytes, producers: producers,
                                          patience: size.patience)
        let memoryBefore = ProcessMemory.residentMiB
        let pipeline = try await benchmark.run()
        print(String(format: "(b) outbox → relay → broker → inbox + SQLite write + ack: %8.0f msg/s", pipeline.messagesPerSecond))
        print(String(format: "    last row written %.2f s, last confirmed %.2f s, last consumed %.2f s after the start",
                     pipeline.lastWrittenAfter, pipeline.lastSentAfter, pipeline.lastConsumedAfter))
        var relaxed = benchmark
        relaxed.synchronous = "NORMAL"
        let unsynced = try await relaxed.run()
        print(String(format: "(b') the same with synchronous=NORMAL (commits not fsynced): %8.0f msg/s; b/b' (what FULL keeps): %.2f",
                     unsynced.messagesPerSecond, pipeline.messagesPerSecond / unsynced.messagesPerSecond))
        let writes = try await benchmark.outboxWritesPerSecond()
        print(String(format: "(c) the same outbox writes with nothing else running: %8.0f msg/s", writes))
        let ratio = pipeline.messagesPerSecond / raw
        print(String(format: "ratio b/a: %.2f (target ≥ 0.50: %@); b/a': %.2f; b/c: %.2f", ratio, ratio >= 0.5 ? "met" : "NOT met",
                     pipeline.messagesPerSecond / rawQuorum, pipeline.messagesPerSecond / writes))
        let marks = zip(["10%", "50%", "100%"], pipeline.residentMiB).map { String(format: "%@ %.1f MiB", $0, $1) }
        print("resident memory before the pipeline \(String(format: "%.1f", memoryBefore)) MiB; at \(marks.joined(separator: ", ")); peak \(String(format: "%.1f", ProcessMemory.peakMiB)) MiB")
        if let first = pipeline.residentMiB.first, let last = pipeline.residentMiB.last {
            print(String(format: "memory growth from 10%% to 100%% of the messages: %+.1f MiB", last - first))
        }
        let table = ResultTable("checks:", nameWidth: 44)
        table.check("(b) messages consumed, each once", pipeline.consumed, expected: messages)
        table.check("(b') messages consumed, each once", unsynced.consumed, expected: messages)
        try table.verdict("bench-messaging")
    }
}
