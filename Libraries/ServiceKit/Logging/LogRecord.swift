import Foundation
import Logging
import WorkingCalendar

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
    /// The timestamp as every line writes it: ISO 8601, UTC, milliseconds cut, not rounded
    /// (`2024-05-01T08:00:00.123Z`).
    ///
    /// Written from the day count (``CalendarDay``'s arithmetic and its `YYYY-MM-DD`), not by
    /// Foundation's format style: every line has one, and the style's calendar work was two
    /// fifths of the cost of encoding a line.
    var timestampText: String {
        let milliseconds = Int64((timestamp.timeIntervalSince1970 * 1000).rounded(.down))
        let (days, millisecondOfDay) = Self.floorDivision(milliseconds, 86_400_000)
        let day = Self.epoch.adding(days: Int(days))
        let second = millisecondOfDay / 1000
        var text = day.description
        text.reserveCapacity(24)
        text.append("T")
        Self.append(second / 3600, digits: 2, to: &text)
        text.append(":")
        Self.append(second / 60 % 60, digits: 2, to: &text)
        text.append(":")
        Self.append(second % 60, digits: 2, to: &text)
        text.append(".")
        Self.append(millisecondOfDay % 1000, digits: 3, to: &text)
        text.append("Z")
        return text
    }

    /// 1970-01-01, the day the millisecond count starts on.
    private static let epoch = CalendarDay(year: 1970, month: 1, day: 1)

    private static func floorDivision(_ value: Int64, _ divisor: Int64) -> (quotient: Int64, remainder: Int64) {
        let (quotient, remainder) = value.quotientAndRemainder(dividingBy: divisor)
        return remainder < 0 ? (quotient - 1, remainder + divisor) : (quotient, remainder)
    }

    private static func append(_ number: Int64, digits: Int, to text: inout String) {
        let written = String(number)
        if written.count < digits { text.append(String(repeating: "0", count: digits - written.count)) }
        text.append(written)
    }
}
