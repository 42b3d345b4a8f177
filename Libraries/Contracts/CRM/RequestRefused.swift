import Foundation

/// crm refused a request: the site cannot be connected, screening found a conflict, or the
/// branch turned a service request down.
///
/// Notification tells the customer why, in the branch's words, so the event carries the
/// branch and the reason typed by staff.
public struct RequestRefused: MessageContract {
    public static let routingKey = "crm.request.refused"
    public static let version = 1
    public static let kind = MessageKind.event

    /// Why the request cannot go on.
    public enum Ground: String, Codable, Sendable, CaseIterable {
        /// The survey found the site cannot be connected.
        case siteInfeasible = "site_infeasible"
        /// An ID number is already in another active dossier.
        case screeningConflict = "screening_conflict"
        /// The branch examined a service request and turned it down (the reason says why).
        case refusedByBranch = "refused_by_branch"
    }

    public var ticketId: String
    public var requestCode: String
    /// What was asked for, so that the notice names it. Absent from messages published before
    /// the field was added; notification then names no kind.
    public var requestKind: RequestKind?
    public var branch: Branch
    public var ground: Ground
    /// One sentence for the customer, written by staff; it must name no other person.
    public var reason: String
    public var refusedAt: Date

    public init(ticketId: String, requestCode: String, requestKind: RequestKind?, branch: Branch, ground: Ground,
                reason: String, refusedAt: Date) {
        self.ticketId = ticketId
        self.requestCode = requestCode
        self.requestKind = requestKind
        self.branch = branch
        self.ground = ground
        self.reason = reason
        self.refusedAt = refusedAt
    }
}
