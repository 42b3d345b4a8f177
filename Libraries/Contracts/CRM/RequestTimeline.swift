/// The answer to ``RequestTimelineQuery``: every step of one request so far, oldest first.
///
/// It is shown to whoever holds the request code, so it names no person: only services,
/// the branch and the days.
public struct RequestTimeline: Codable, Sendable, Equatable {
    public var requestCode: String
    /// The branch that owns the request.
    public var branch: Branch
    /// The last working day within the SLA limit that holds now.
    public var dueDate: CalendarDate
    public var steps: [TimelineStep]

    public init(requestCode: String, branch: Branch, dueDate: CalendarDate, steps: [TimelineStep]) {
        self.requestCode = requestCode
        self.branch = branch
        self.dueDate = dueDate
        self.steps = steps
    }
}
