import Foundation

/// One step on a request's timeline, as the customer reads it.
public struct TimelineStep: Codable, Sendable, Equatable {
    public var at: Date
    /// The service whose message recorded the step.
    public var actor: ServiceName
    /// What happened, e.g. `Đã khảo sát hiện trường` / `Site surveyed`.
    public var label: LocalizedText

    public init(at: Date, actor: ServiceName, label: LocalizedText) {
        self.at = at
        self.actor = actor
        self.label = label
    }
}
