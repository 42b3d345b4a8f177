import Foundation

/// A planned outage (*lịch tạm ngừng cấp điện*) as customers look it up.
public struct PlannedOutage: Codable, Sendable, Equatable {
    /// Whether it will happen.
    public enum Status: String, Codable, Sendable, CaseIterable {
        case scheduled, cancelled
    }

    /// e.g. `KH-PC05TK-000003`.
    public var plannedOutageId: String
    public var branch: Branch
    /// The communes or wards without power.
    public var communeCodes: [String]
    /// The place as customers read it, e.g. `Phường An Mỹ (tổ 1–5), Tam Kỳ`.
    public var location: String
    public var reason: String
    public var startsAt: Date
    /// The expected restoration.
    public var endsAt: Date
    public var status: Status
    /// 1 when created, one more at every change or cancellation.
    public var revision: Int
    /// Announced less than 5 days ahead (Circular 22/2020/TT-BCT), with this reason.
    public var urgentReason: String?

    public init(
        plannedOutageId: String, branch: Branch, communeCodes: [String], location: String, reason: String,
        startsAt: Date, endsAt: Date, status: Status, revision: Int, urgentReason: String? = nil
    ) {
        self.plannedOutageId = plannedOutageId
        self.branch = branch
        self.communeCodes = communeCodes
        self.location = location
        self.reason = reason
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.status = status
        self.revision = revision
        self.urgentReason = urgentReason
    }
}
