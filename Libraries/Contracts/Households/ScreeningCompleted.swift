import Foundation

/// households answered a screening: clear, or conflicts with other active dossiers (flow step 3).
///
/// crm drafts the contract only after a clear answer. Conflicts carry masked ID numbers,
/// so the event holds no personal data.
public struct ScreeningCompleted: MessageContract {
    public static let routingKey = "households.screening.completed"
    public static let version = 1
    public static let kind = MessageKind.event

    /// The verdict on the request as a whole.
    public enum Outcome: String, Codable, Sendable, CaseIterable {
        /// No screened ID number is in another active dossier.
        case clear
        /// At least one is; `conflicts` lists each.
        case conflict
    }

    public var requestCode: String
    /// The screened request's kind, as crm's `households.screen-identities` named it: crm hands
    /// the answer to a connection's or a service request's ticket by it. Absent from messages
    /// published before the field was added, and when the command named none.
    public var requestKind: RequestKind?
    public var outcome: Outcome
    /// Empty exactly when `outcome` is `clear`.
    public var conflicts: [ScreeningConflict]
    public var screenedAt: Date

    public init(
        requestCode: String, requestKind: RequestKind?, outcome: Outcome, conflicts: [ScreeningConflict] = [],
        screenedAt: Date
    ) {
        self.requestCode = requestCode
        self.requestKind = requestKind
        self.outcome = outcome
        self.conflicts = conflicts
        self.screenedAt = screenedAt
    }
}
