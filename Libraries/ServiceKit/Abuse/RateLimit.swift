import Foundation

/// How many requests one party may make within a period: `30/1h`, `120/1m`, `5/15m`, `10/30s`.
///
/// Written this way in the environment so an operator reads and sets a limit as the
/// documentation states it.
public struct RateLimit: Sendable, Equatable, CustomStringConvertible {
    /// Requests allowed within ``period``, 1 or more.
    public let count: Int
    /// The period, in seconds.
    public let period: TimeInterval

    public init(count: Int, period: TimeInterval) {
        precondition(count >= 1 && period > 0, "a rate limit allows at least one request in a positive period")
        self.count = count
        self.period = period
    }

    /// Parses `<count>/<number><s|m|h>`; nil for anything else.
    public init?(_ text: String) {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: "/")
        guard parts.count == 2, let count = Int(parts[0]), count >= 1, let unit = parts[1].last,
              let length = Int(parts[1].dropLast()), length >= 1,
              let seconds = ["s": 1, "m": 60, "h": 3600][String(unit)] else { return nil }
        self.init(count: count, period: TimeInterval(length * seconds))
    }

    /// Reads `variable` from `environment`, `fallback` when unset or empty.
    ///
    /// - Throws: ``ConfigurationError`` naming the variable when its value is not a rate limit.
    public static func read(_ variable: String, from environment: [String: String], default fallback: RateLimit) throws -> RateLimit {
        guard let raw = environment[variable], !raw.isEmpty else { return fallback }
        guard let limit = RateLimit(raw) else {
            throw ConfigurationError(variable: variable, value: raw, expected: "<count>/<period>, e.g. 30/1h, 120/1m or 10/30s")
        }
        return limit
    }

    public var description: String {
        let seconds = Int(period)
        return seconds % 3600 == 0 ? "\(count)/\(seconds / 3600)h"
            : seconds % 60 == 0 ? "\(count)/\(seconds / 60)m" : "\(count)/\(seconds)s"
    }
}
