/// A time of day on the clock of Vietnam, as an operator writes a daily job's hour in its
/// setting: `HH:MM`, e.g. `06:00`.
public struct TimeOfDay: Sendable, Equatable {
    public let hour: Int
    public let minute: Int

    /// The time `text` names; nil unless it is `HH:MM` with an hour of 0–23 and a minute of 0–59.
    public init?(_ text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map { Int($0) }
        guard parts.count == 2, let hour = parts[0], let minute = parts[1], (0...23).contains(hour),
              (0...59).contains(minute) else { return nil }
        self.hour = hour
        self.minute = minute
    }

    /// Seconds from midnight.
    public var secondsIntoDay: Int { hour * 3600 + minute * 60 }

    /// The time `variable` of `environment` names, `defaultValue` when it is unset or empty.
    ///
    /// - Throws: ``ConfigurationError`` naming `variable` when its value is not `HH:MM`.
    public static func setting(_ variable: String, default defaultValue: String, in environment: [String: String])
        throws(ConfigurationError) -> TimeOfDay {
        let text = environment[variable].flatMap { $0.isEmpty ? nil : $0 } ?? defaultValue
        guard let time = TimeOfDay(text) else {
            throw ConfigurationError(variable: variable, value: text, expected: "a time of day HH:MM")
        }
        return time
    }
}
