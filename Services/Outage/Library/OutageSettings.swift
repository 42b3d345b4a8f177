import ServiceAreas
import ServiceKit

/// Outage's own settings, beside the ones every service reads (see the README's table).
struct OutageSettings: Sendable {
    static let windowVariable = "INCIDENT_WINDOW_MINUTES"
    /// Three hours: a storm's reports of one area keep arriving for hours; next day's fault is another incident.
    static let defaultWindowMinutes = 180

    /// `SERVICE_AREAS_FILE`: the served communes and their branches (the same table intake uses).
    var areas: ServiceAreaTable
    /// `INCIDENT_WINDOW_MINUTES`: how far apart two reports of one area may be and still be one incident.
    var windowMinutes: Int

    /// - Throws: `DataTableFileError` or `ConfigurationError` naming the variable that cannot be used.
    init(environment: [String: String]) throws {
        areas = try ServiceAreaTable.load(environment: environment)
        let raw = environment[Self.windowVariable].flatMap { $0.isEmpty ? nil : $0 }
        guard let minutes = raw.map(Int.init) ?? Self.defaultWindowMinutes, (1...10_080).contains(minutes) else {
            throw ConfigurationError(variable: Self.windowVariable, value: raw ?? "", expected: "minutes from 1 to 10080")
        }
        windowMinutes = minutes
    }
}
