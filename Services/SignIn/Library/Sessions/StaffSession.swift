import Foundation
import StaffAuth

/// One sign-in: whose it is and how long it may last.
public struct StaffSession: Sendable, Equatable {
    /// The person's directory uid, the `sub` of their tokens.
    public let staffId: String
    /// Their name as the directory has it.
    public let displayName: String
    public let roles: Set<StaffRole>
    public let unit: String
    public let startedAt: Date
    /// The last sign-in or renewal; the idle limit runs from it.
    public let lastActiveAt: Date
    /// The absolute end: sign-in plus `STAFF_SESSION_MAX_AGE`.
    public let endsAt: Date
}
