import Foundation

/// outage asks notification to text one customer about an outage: power is back after the
/// outage they reported, or a planned outage of their area was scheduled, changed or cancelled
/// (Circular 22/2020/TT-BCT: location, reason, start and expected restoration).
///
/// A command, so the phone number reaches notification only. `noticeId` is unique per
/// customer and occasion (incident and reporter; planned outage, revision and customer):
/// a repeat is harmless.
public struct SendOutageNotice: MessageContract {
    public static let routingKey = "notification.send-outage-notice"
    public static let version = 1
    public static let kind = MessageKind.command

    /// What happened.
    public enum Notice: String, Codable, Sendable, CaseIterable {
        /// Power is back in the area the customer reported.
        case restored
        /// A planned outage of the customer's area was scheduled.
        case plannedScheduled = "planned_scheduled"
        /// Its times or reason changed.
        case plannedChanged = "planned_changed"
        /// It was called off.
        case plannedCancelled = "planned_cancelled"
    }

    public var noticeId: String
    public var notice: Notice
    /// The incident (`SC-…`) or planned outage (`KH-…`) the notice is about.
    public var reference: String
    /// The customer's mobile, E.164 (personal data).
    public var phone: String
    /// The branch the customer can call.
    public var branch: Branch
    /// The place as the operator wrote it for customers, e.g. `Phường An Mỹ, Tam Kỳ`.
    public var location: String?
    /// Why: the cause of a restored outage, the reason of a planned one (or of its cancellation).
    public var reason: String?
    /// A planned outage's start, and its expected restoration.
    public var startsAt: Date?
    public var endsAt: Date?
    public var issuedAt: Date

    public init(
        noticeId: String, notice: Notice, reference: String, phone: String, branch: Branch, location: String? = nil,
        reason: String? = nil, startsAt: Date? = nil, endsAt: Date? = nil, issuedAt: Date
    ) {
        self.noticeId = noticeId
        self.notice = notice
        self.reference = reference
        self.phone = phone
        self.branch = branch
        self.location = location
        self.reason = reason
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.issuedAt = issuedAt
    }
}
