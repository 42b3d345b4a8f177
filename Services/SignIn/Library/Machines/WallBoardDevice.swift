import Foundation

/// A branch's wall-board device as its branch head sees it in the list.
public struct WallBoardDevice: Sendable, Equatable {
    public enum State: String, Sendable {
        /// Its enrolment link has not been opened yet.
        case awaitingEnrolment = "awaiting_enrolment"
        case enrolled
        case revoked
    }

    public let id: String
    /// What the branch calls it, e.g. "TV quầy giao dịch".
    public let name: String
    public let unit: String
    public let state: State
    public let lastSeenAt: Date?
}
