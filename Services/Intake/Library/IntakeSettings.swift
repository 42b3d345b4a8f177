import ServiceKit

/// Intake's own settings, beside the ones every service reads (see the README's table).
struct IntakeSettings: Sendable {
    /// `SERVICE_AREAS_FILE`: the served communes (``ServiceAreaTable/load(environment:)``).
    var areas: ServiceAreaTable
    /// `CRM_LOOKUP_TIMEOUT_MS`: how long tracking waits for crm's timeline.
    var timelineTimeout: Duration

    static let timelineTimeoutVariable = "CRM_LOOKUP_TIMEOUT_MS"
    static let defaultTimelineTimeoutMilliseconds = 2000

    /// - Throws: `DataTableFileError` or `ConfigurationError` naming the variable that cannot be used.
    init(environment: [String: String]) throws {
        areas = try ServiceAreaTable.load(environment: environment)
        let raw = environment[Self.timelineTimeoutVariable].flatMap { $0.isEmpty ? nil : $0 }
        guard let milliseconds = raw.map(Int.init) ?? Self.defaultTimelineTimeoutMilliseconds,
              (1...60_000).contains(milliseconds) else {
            throw ConfigurationError(variable: Self.timelineTimeoutVariable, value: raw ?? "",
                                     expected: "milliseconds from 1 to 60000")
        }
        timelineTimeout = .milliseconds(milliseconds)
    }
}
