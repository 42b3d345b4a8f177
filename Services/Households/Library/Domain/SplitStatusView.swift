/// What staff recorded about a sub-household that shares the meter instead of having its own.
public struct SplitStatusView: Sendable, Codable, Equatable {
    public var notSplitReason: NotSplitReason?
    public var note: String?
    /// "Wants to split but cannot yet": the household asked for its own meter.
    public var wantsSplit: Bool
}
