import VietnameseIdentity
import Logging

extension LoggingSystem {
    /// Makes every `Logger` in the process write one line per event to standard output,
    /// as the service's operators expect: `service` on each line, personal data masked.
    ///
    /// Call it once, first thing in `main`, before any `Logger` is created; swift-log allows a
    /// single bootstrap per process.
    ///
    /// - Parameters:
    ///   - service: The service's name, written as `service` on every line.
    ///   - format: ``LogFormat/logfmt`` or ``LogFormat/json``.
    ///   - level: The lowest level written.
    ///   - metadataProvider: Supplies contextual metadata, such as the `correlation_id` of the
    ///     message being handled, to every line.
    ///   - scrubber: Rewrites each finished line before it is written; masks ID and phone numbers
    ///     unless given another.
    public static func bootstrap(
        service: String,
        format: LogFormat = .logfmt,
        level: Logger.Level = .info,
        metadataProvider: Logger.MetadataProvider? = nil,
        scrubber: @escaping @Sendable (String) -> String = PersonalDataMask.scrub
    ) {
        bootstrap(
            { _, metadataProvider -> any LogHandler in
                switch format {
                case .logfmt:
                    return LogfmtLogHandler(
                        service: service,
                        level: level,
                        metadataProvider: metadataProvider,
                        scrubber: scrubber
                    )
                case .json:
                    return JSONLogHandler(
                        service: service,
                        level: level,
                        metadataProvider: metadataProvider,
                        scrubber: scrubber
                    )
                }
            },
            metadataProvider: metadataProvider
        )
    }
}
