import Foundation

/// A ticket given to one officer of its branch to work, by whoever assigned it (the branch
/// head). A later assignment of the same ticket re-assigns it; the earlier ones stay on record.
struct Assignment: Sendable, Equatable, Encodable {
    var ticketId: String
    /// The officer's staff id (their directory `uid`), e.g. `tk-cs-01`.
    var officerId: String
    var assignedBy: String
    var assignedAt: Date
}
