import VietnameseIdentity
import Foundation
import Logging

/// A swift-log handler that writes one line per event, in the format its ``LogLineEncoder`` gives.
///
/// Use it as ``LogfmtLogHandler`` or ``JSONLogHandler``. Every line carries `ts`, `level`,
/// `service` and `msg`, then the metadata sorted by key (`correlation_id`, `message_id`,
/// `request_code`…), and passes through a scrubber before it is written, so that personal data
/// is masked wherever a developer put it: message or metadata.
public struct LineLogHandler<Encoder: LogLineEncoder>: LogHandler {
    public var logLevel: Logger.Level
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?

    private let service: String
    private let scrubber: @Sendable (String) -> String
    private let output: @Sendable (String) -> Void
    private let clock: WallClock

    /// Creates a handler for one service.
    ///
    /// - Parameters:
    ///   - service: The service's name, written as `service` on every line.
    ///   - level: The lowest level written.
    ///   - metadataProvider: Supplies contextual metadata, such as the `correlation_id` of the
    ///     message being handled, at the moment an event is logged.
    ///   - scrubber: Rewrites each finished line before it is written; masks ID and phone numbers
    ///     unless given another.
    ///   - output: Writes one finished line; standard output unless a test collects the lines.
    ///   - clock: The clock giving each line's `ts`, to the millisecond.
    public init(
        service: String,
        level: Logger.Level = .info,
        metadataProvider: Logger.MetadataProvider? = nil,
        scrubber: @escaping @Sendable (String) -> String = PersonalDataMask.scrub,
        output: @escaping @Sendable (String) -> Void = StandardOutput.writeLine,
        clock: WallClock = .system
    ) {
        self.service = service
        self.logLevel = level
        self.metadataProvider = metadataProvider
        self.scrubber = scrubber
        self.output = output
        self.clock = clock
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var merged = metadata
        // Later layers win. The handler's own metadata is mostly empty: a layer is then taken
        // whole rather than merged into nothing, key by key, on every line.
        func add(_ layer: Logger.Metadata?) {
            guard let layer, !layer.isEmpty else { return }
            if merged.isEmpty { merged = layer } else { merged.merge(layer) { _, new in new } }
        }
        add(metadataProvider?.get())
        add(event.metadata)
        if let error = event.error {
            merged["error"] = "\(error)"
        }
        let record = LogRecord(
            timestamp: clock.preciseNow(),
            level: event.level,
            service: service,
            message: event.message.description,
            metadata: merged
        )
        output(scrubber(Encoder.line(for: record)))
    }
}
