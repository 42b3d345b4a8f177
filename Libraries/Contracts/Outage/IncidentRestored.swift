import Foundation

/// Dispatch recorded that power is back in an incident's area, with the cause.
///
/// Every reporter of the incident is told by SMS (outage asks notification, report by report);
/// this event is for whoever keeps the area's history (reliability statistics, crm's timelines).
public struct IncidentRestored: MessageContract {
    public static let routingKey = "outage.incident.restored"
    public static let version = 1
    public static let kind = MessageKind.event

    /// e.g. `SC-PC05TK-000017`.
    public var incidentId: String
    public var branchCode: String
    /// What the incident's reports have in common: `station:<code>`, `commune:<code>` or `branch`.
    public var area: String
    /// The cause dispatch recorded, as typed.
    public var cause: String
    /// Distinct reporters (a customer reporting twice counts once).
    public var reporterCount: Int
    public var openedAt: Date
    public var restoredAt: Date

    public init(
        incidentId: String, branchCode: String, area: String, cause: String, reporterCount: Int, openedAt: Date,
        restoredAt: Date
    ) {
        self.incidentId = incidentId
        self.branchCode = branchCode
        self.area = area
        self.cause = cause
        self.reporterCount = reporterCount
        self.openedAt = openedAt
        self.restoredAt = restoredAt
    }
}
