import Foundation
import Logging

/// One log event, resolved into everything a line needs: no handler state, no metadata providers.
///
/// A ``LogLineEncoder`` turns it into text; the fields come in the order every line shows them.
public struct LogRecord: Sendable {
    /// When the event happened.
    public let timestamp: Date
    /// The event's level.
    public let level: Logger.Level
    /// The service that logged it, for example `intake`.
    public let service: String
    /// The message, unscrubbed.
    public let message: String
    /// The metadata of the handler, the metadata provider and the call, merged and sorted by key.
    public let metadata: [(key: String, value: Logger.MetadataValue)]

    /// Creates a record; `metadata` is sorted by key here, so that every line lists it in the same order.
    public init(
        timestamp: Date,
        level: Logger.Level,
        service: String,
        message: String,
        metadata: Logger.Metadata
    ) {
        self.timestamp = timestamp
        self.level = level
        self.service = service
        self.message = message
        self.metadata = metadata.sorted { $0.key < $1.key }
    }
}

extension LogRecord {
    private static let timestampStyle = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    /// The timestamp as every line writes it: ISO 8601, UTC, milliseconds (`2024-05-01T08:00:00.123Z`).
    var timestampText: String {
        Self.timestampStyle.format(timestamp)
    }
}
